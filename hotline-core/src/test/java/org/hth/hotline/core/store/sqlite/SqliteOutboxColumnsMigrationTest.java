package org.hth.hotline.core.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.hth.hotline.core.outbox.ClaimedEntry;
import org.hth.hotline.core.outbox.OutboxEntry;
import org.hth.hotline.core.outbox.OutboxState;
import org.hth.hotline.core.referral.Ticket;
import org.hth.hotline.core.store.internal.StoreJson;
import org.hth.hotline.core.testing.Fixtures;
import org.hth.hotline.core.testing.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The migration V4 moves each outbox entry of a database made by V1–V3 (the whole entry as JSON) into its
 * columns: every state, a live lease, instants with 0, 3, 6 and 9 digits of fraction.
 */
class SqliteOutboxColumnsMigrationTest {
    private static final Instant T0 = Instant.parse("2026-11-21T22:00:00Z");
    private static final Duration LEASE = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(T0.plusSeconds(10));
    private final ObjectMapper json = StoreJson.mapper();

    @Test
    void everyEntryComesBackAsItWasWrittenAndKeepsItsState() throws Exception {
        Path file = dir.resolve("hotline.db");
        Ticket ticket = Fixtures.ticket("t1", T0);
        OutboxEntry pending = new OutboxEntry("e1", "t1", "uor", "referral.created", "{\"n\":1,\"s\":\"\\u00e8 \\\"x\\\"\"}",
                T0, T0.plusNanos(7_000_000), 0, OutboxState.PENDING, Optional.empty());
        OutboxEntry leased = new OutboxEntry("e2", "t1", "uds-asl5", "referral.created", "{\"n\":2}",
                T0.plusNanos(123_456_000), T0.plusNanos(123_456_789), 1, OutboxState.PENDING, Optional.of("HTTP 503"));
        OutboxEntry delivered = new OutboxEntry("e3", "t1", "uor", "referral.updated", "{}",
                T0.plusNanos(999_999_999), T0.plusSeconds(1), 2, OutboxState.DELIVERED, Optional.of("timeout"));
        OutboxEntry dead = new OutboxEntry("e4", "t1", "uds-asl1", "referral.created", "{\"n\":4}",
                T0.minusSeconds(86_400).plusNanos(1), T0.plusNanos(500_000), 8, OutboxState.DEAD,
                Optional.of("HTTP 410 (after 8 attempts)"));
        List<OutboxEntry> entries = List.of(pending, leased, delivered, dead);
        long leaseUntil = clock.instant().plusSeconds(30).toEpochMilli();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            createSchemaUpToV3(c);
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO ticket (id, created_at_ms, status, json)"
                    + " VALUES (?, ?, ?, ?)")) {
                insert.setString(1, ticket.id());
                insert.setLong(2, ticket.createdAt().toEpochMilli());
                insert.setString(3, ticket.status().name());
                insert.setString(4, json.writeValueAsString(ticket));
                insert.executeUpdate();
            }
            for (OutboxEntry e : entries) {
                insertAsV3(c, e, e == leased ? Optional.of(leaseUntil) : Optional.empty());
            }
        }

        try (SqliteStore store = SqliteStore.open(file, clock)) {
            assertThat(store.outbox().forTicket("t1")).containsExactlyInAnyOrderElementsOf(entries);
            for (OutboxEntry e : entries) {
                assertThat(store.outbox().find(e.id())).contains(e);
            }
            assertThat(store.tickets().find("t1")).contains(ticket);
            // the leased entry stays leased; the pending one is claimable (claim order leaves nothing behind here)
            assertThat(store.outbox().claim("node-b", 10, LEASE)).extracting(ClaimedEntry::entry)
                    .containsExactly(pending);
            clock.advance(Duration.ofSeconds(31));
            assertThat(store.outbox().claim("node-b", 10, LEASE)).extracting(ClaimedEntry::entry)
                    .containsExactly(leased);
            assertThat(store.outbox().depth().dead()).isEqualTo(1);
            assertThat(store.outbox().depth().delivered()).isEqualTo(1);
        }
    }

    private static void createSchemaUpToV3(Connection c) throws SQLException, IOException {
        try (Statement statement = c.createStatement()) {
            statement.execute("CREATE TABLE schema_version (version INTEGER NOT NULL PRIMARY KEY,"
                    + " description TEXT NOT NULL, applied_at TEXT NOT NULL)");
            for (String script : Migrations.SCRIPTS.subList(0, 3)) {
                Migrations.Migration migration = Migrations.Migration.of(script);
                try (InputStream in = Migrations.class.getResourceAsStream(migration.resource())) {
                    for (String sql : Migrations.statements(new String(in.readAllBytes(), StandardCharsets.UTF_8))) {
                        statement.execute(sql);
                    }
                }
                statement.execute("INSERT INTO schema_version VALUES (" + migration.version() + ", '"
                        + migration.description() + "', '" + T0 + "')");
            }
        }
    }

    /** The row as the V1–V3 code wrote it: the columns it filtered on, the lease, and the whole entry as JSON. */
    private void insertAsV3(Connection c, OutboxEntry e, Optional<Long> leaseUntil) throws Exception {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO outbox_entry (id, ticket_id, destination_id,"
                + " created_at_ms, state, next_attempt_at_ms, attempts, last_error, claimed_by, claim_token,"
                + " lease_until_ms, json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, e.id());
            insert.setString(2, e.ticketId());
            insert.setString(3, e.destinationId());
            insert.setLong(4, e.createdAt().toEpochMilli());
            insert.setString(5, e.state().name());
            insert.setLong(6, e.nextAttemptAt().toEpochMilli());
            insert.setInt(7, e.attempts());
            insert.setString(8, e.lastError().orElse(null));
            insert.setString(9, leaseUntil.isPresent() ? "node-a" : null);
            insert.setString(10, leaseUntil.isPresent() ? "token-a" : null);
            insert.setObject(11, leaseUntil.orElse(null));
            insert.setString(12, json.writeValueAsString(e));
            insert.executeUpdate();
        }
    }
}
