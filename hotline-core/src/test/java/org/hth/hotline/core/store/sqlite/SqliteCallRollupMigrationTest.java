package org.hth.hotline.core.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.hth.hotline.core.call.CallOutcome;
import org.hth.hotline.core.call.CallRecord;
import org.hth.hotline.core.call.CallRollup;
import org.hth.hotline.core.referral.Territory;
import org.hth.hotline.core.testing.Fixtures;
import org.hth.hotline.core.testing.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The migration V3 builds the call rollup of the rows already there, as the saves would have kept it. */
class SqliteCallRollupMigrationTest {
    private static final Instant T0 = Instant.parse("2026-03-28T21:30:00Z");
    private static final LocalDate FROM = LocalDate.parse("2026-03-27");
    private static final LocalDate TO = LocalDate.parse("2026-04-05");

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(T0);

    @Test
    void theMigrationBuildsTheSameRollupAsTheSavesFromExistingRows() throws SQLException {
        Path file = dir.resolve("hotline.db");
        CallRollup written;
        try (SqliteStore store = SqliteStore.open(file, clock)) {
            store.calls().saveAll(calls());
            written = store.calls().rollup(FROM, TO);
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement statement = c.createStatement()) {
            statement.execute("DROP TABLE call_rollup");
            // back to V2's schema: V4's outbox columns out, its JSON column back (no entries here),
            for (String column : List.of("event_type", "payload", "created_at_ns", "next_attempt_at_ns")) {
                statement.execute("ALTER TABLE outbox_entry DROP COLUMN " + column);
            }
            statement.execute("ALTER TABLE outbox_entry ADD COLUMN json TEXT NOT NULL DEFAULT '{}'");
            // and V6's dropped index back
            statement.execute("CREATE INDEX ticket_destination_by_destination ON ticket_destination"
                    + " (destination_id, ticket_id)");
            statement.execute("DELETE FROM schema_version WHERE version >= 3");
        }

        try (SqliteStore store = SqliteStore.open(file, clock)) {
            assertThat(store.calls().rollup(FROM, TO)).isEqualTo(written);
        }
        assertThat(written.calls()).isEqualTo(calls().size());
        assertThat(written.byLanguage()).containsKey(CallRollup.NONE);
        assertThat(written.answeredBy()).containsKey(CallRollup.NONE);
        assertThat(written.perHour()).hasSizeGreaterThan(10);
    }

    /** Calls over a week around a DST change, with and without language, territory and operator. */
    private static List<CallRecord> calls() {
        List<CallRecord> calls = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            Instant at = T0.plus(Duration.ofMinutes(173L * i));
            CallRecord answered = Fixtures.answeredCall("a" + i, at, "op-" + i % 3, i % 2 == 0 ? "it" : "ar",
                    Territory.values()[i % Territory.values().length]);
            calls.add(i % 4 == 0 ? answered : Fixtures.abandonedCall("b" + i, at.plusSeconds(i), "ps-" + i));
            if (i % 5 == 0) {
                calls.add(new CallRecord("n" + i, answered.line(), Optional.empty(), true, at.plusSeconds(7),
                        answered.answeredAt(), answered.endedAt(), i, 40L * i, Optional.empty(), List.of(),
                        Optional.empty(), i % 10 == 0 ? CallOutcome.ANSWERED : CallOutcome.FALLBACK, "Normal Clearing",
                        "", Optional.empty(), Set.of(), Optional.empty(), List.of()));
            }
        }
        return calls;
    }
}
