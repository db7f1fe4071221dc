package org.hth.hotline.core.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.hth.hotline.core.outbox.ClaimedEntry;
import org.hth.hotline.core.outbox.OutboxState;
import org.hth.hotline.core.testing.Fixtures;
import org.hth.hotline.core.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SQLite outbox's choices where the contract is silent: the lease boundary and late settling. */
class SqliteOutboxLeaseTest {
    private static final Instant T0 = Instant.parse("2026-11-21T22:00:00Z");
    private static final Duration LEASE = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(T0);
    private SqliteStore store;

    @BeforeEach
    void open() {
        store = SqliteStore.open(dir.resolve("hotline.db"), clock);
        store.tickets().create(Fixtures.ticket("t1", T0), List.of(Fixtures.entry("e1", "t1", "uor", T0)));
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void aLeaseRunsOutAtItsLeaseUntilInstant() {
        ClaimedEntry first = store.outbox().claim("node-a", 1, LEASE).get(0);

        clock.set(first.leaseUntil().minusMillis(1));
        assertThat(store.outbox().claim("node-b", 1, LEASE)).isEmpty();
        clock.set(first.leaseUntil());
        assertThat(store.outbox().claim("node-b", 1, LEASE)).extracting(ClaimedEntry::claimer)
                .containsExactly("node-b");
    }

    @Test
    void theClaimSearchesTheDueIndexFromThePresentSoEntriesUnderLeaseAreNeverWalked() {
        String query = "EXPLAIN QUERY PLAN SELECT e.id FROM outbox_entry e INDEXED BY outbox_entry_due"
                + " WHERE e.state = 'PENDING' AND " + SqliteOutboxStore.CLAIMABLE_FROM + " <= ?"
                + " ORDER BY " + SqliteOutboxStore.CLAIMABLE_FROM + ", e.id LIMIT 10";
        List<String> plan = new ArrayList<>();
        try (SqliteDatabase database = SqliteDatabase.open(dir.resolve("hotline.db"))) {
            database.read("plan the claim", c -> {
                try (PreparedStatement explain = c.prepareStatement(query)) {
                    explain.setLong(1, T0.toEpochMilli());
                    try (ResultSet rows = explain.executeQuery()) {
                        while (rows.next()) {
                            plan.add(rows.getString("detail"));
                        }
                    }
                }
                return null;
            });
        }

        // a range search on the index's expression (not a scan of every pending entry), already in claim order
        assertThat(plan).containsExactly("SEARCH e USING INDEX outbox_entry_due (<expr><?)");
    }

    @Test
    void aSubMillisecondLeaseEndIsNeverCutShort() {
        clock.set(T0.plusNanos(300_000));
        ClaimedEntry first = store.outbox().claim("node-a", 1, LEASE).get(0);

        clock.set(first.leaseUntil().minusNanos(100_000));
        assertThat(store.outbox().claim("node-b", 1, LEASE)).isEmpty();
    }

    @Test
    void aClaimerWhoseLeaseRanOutMaySettleWhileNobodyElseClaimed() {
        ClaimedEntry late = store.outbox().claim("node-a", 1, LEASE).get(0);
        clock.advance(LEASE.multipliedBy(2));

        store.outbox().complete(late);

        assertThat(store.outbox().find("e1").get().state()).isEqualTo(OutboxState.DELIVERED);
        assertThat(store.outbox().claim("node-b", 1, LEASE)).isEmpty();
    }
}
