package org.hth.hotline.core.store.sqlite;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.hth.hotline.core.outbox.OutboxEntry;
import org.hth.hotline.core.outbox.OutboxState;
import org.hth.hotline.core.store.AlreadyExistsException;

/**
 * Reads and writes {@code outbox_entry} rows, inside a transaction the caller holds: new entries (for the
 * ticket store), the new state of a settled or replayed one, and entries read back. Every field is a column
 * of its own (since V4): an instant is its whole epoch milliseconds ({@code …_ms}, which queries sort and
 * filter on) plus the nanoseconds within that millisecond ({@code …_ns}); the payload is kept as written.
 * Nothing is parsed or written as JSON. Stateless; thread-safe.
 */
final class OutboxRows {
    static final String KIND = "outbox entry";

    /** The columns {@link #read} reads, in its order. */
    static final String COLUMNS = "id, ticket_id, destination_id, event_type, payload, created_at_ms, created_at_ns,"
            + " next_attempt_at_ms, next_attempt_at_ns, attempts, state, last_error";

    /** Inserts new entries, not under any lease. @throws AlreadyExistsException when an id is taken */
    void insert(Connection c, List<OutboxEntry> entries) throws SQLException {
        if (entries.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO outbox_entry (id, ticket_id, destination_id,"
                + " event_type, payload, created_at_ms, created_at_ns, state, next_attempt_at_ms, next_attempt_at_ns,"
                + " attempts, last_error) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING")) {
            for (OutboxEntry entry : entries) {
                insert.setString(1, entry.id());
                insert.setString(2, entry.ticketId());
                insert.setString(3, entry.destinationId());
                insert.setString(4, entry.eventType());
                insert.setString(5, entry.payload());
                insert.setLong(6, entry.createdAt().toEpochMilli());
                insert.setInt(7, nanosWithinMilli(entry.createdAt()));
                insert.setString(8, entry.state().name());
                insert.setLong(9, entry.nextAttemptAt().toEpochMilli());
                insert.setInt(10, nanosWithinMilli(entry.nextAttemptAt()));
                insert.setInt(11, entry.attempts());
                insert.setString(12, entry.lastError().orElse(null));
                if (insert.executeUpdate() == 0) {
                    throw new AlreadyExistsException(KIND, entry.id());
                }
            }
        }
    }

    /** Writes the entry's new state and releases any lease on it. */
    void replace(Connection c, OutboxEntry entry) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("UPDATE outbox_entry SET state = ?, next_attempt_at_ms = ?,"
                + " next_attempt_at_ns = ?, attempts = ?, last_error = ?, claimed_by = NULL, claim_token = NULL,"
                + " lease_until_ms = NULL WHERE id = ?")) {
            bindState(update, entry);
            update.setString(6, entry.id());
            update.executeUpdate();
        }
    }

    /** The statement {@link #settle} runs, prepared once for a batch. */
    PreparedStatement prepareSettle(Connection c) throws SQLException {
        return c.prepareStatement("UPDATE outbox_entry SET state = ?, next_attempt_at_ms = ?, next_attempt_at_ns = ?,"
                + " attempts = ?, last_error = ?, claimed_by = NULL, claim_token = NULL, lease_until_ms = NULL"
                + " WHERE id = ? AND claim_token = ? AND state = 'PENDING'");
    }

    /**
     * Writes a claimed entry's new state and releases its lease, if the claim's token still holds it (a
     * held entry is changed by nobody but its claimer, so the claimed copy is the stored one).
     *
     * @return whether the token still held it
     */
    boolean settle(PreparedStatement update, OutboxEntry entry, String token) throws SQLException {
        bindState(update, entry);
        update.setString(6, entry.id());
        update.setString(7, token);
        return update.executeUpdate() == 1;
    }

    private static void bindState(PreparedStatement update, OutboxEntry entry) throws SQLException {
        update.setString(1, entry.state().name());
        update.setLong(2, entry.nextAttemptAt().toEpochMilli());
        update.setInt(3, nanosWithinMilli(entry.nextAttemptAt()));
        update.setInt(4, entry.attempts());
        update.setString(5, entry.lastError().orElse(null));
    }

    /** The entry in the current row of a result selecting {@link #COLUMNS} first. */
    OutboxEntry read(ResultSet rs) throws SQLException {
        return new OutboxEntry(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                instant(rs.getLong(6), rs.getInt(7)), instant(rs.getLong(8), rs.getInt(9)), rs.getInt(10),
                OutboxState.valueOf(rs.getString(11)), Optional.ofNullable(rs.getString(12)));
    }

    private static Instant instant(long millis, int nanosWithinMilli) {
        return Instant.ofEpochMilli(millis).plusNanos(nanosWithinMilli);
    }

    /** What {@link Instant#toEpochMilli()} leaves out (it rounds down, also before 1970). */
    private static int nanosWithinMilli(Instant instant) {
        return instant.getNano() % 1_000_000;
    }
}
