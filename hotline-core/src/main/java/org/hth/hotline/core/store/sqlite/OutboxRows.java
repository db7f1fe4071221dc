package org.hth.hotline.core.store.sqlite;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

import org.hth.hotline.core.outbox.OutboxEntry;
import org.hth.hotline.core.store.AlreadyExistsException;

/**
 * Writes {@code outbox_entry} rows, inside a transaction the caller holds on the write connection: new
 * entries (for the ticket store) and the new state of a settled or replayed one. Thread-safe (stateless
 * but for the JSON mapping).
 */
final class OutboxRows {
    static final String KIND = "outbox entry";

    private final JsonColumn json;

    OutboxRows(JsonColumn json) {
        this.json = json;
    }

    /** Inserts new entries, not under any lease. @throws AlreadyExistsException when an id is taken */
    void insert(Connection c, List<OutboxEntry> entries) throws SQLException {
        if (entries.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO outbox_entry (id, ticket_id, destination_id,"
                + " created_at_ms, state, next_attempt_at_ms, attempts, last_error, json)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING")) {
            for (OutboxEntry entry : entries) {
                insert.setString(1, entry.id());
                insert.setString(2, entry.ticketId());
                insert.setString(3, entry.destinationId());
                insert.setLong(4, entry.createdAt().toEpochMilli());
                insert.setString(5, entry.state().name());
                insert.setLong(6, entry.nextAttemptAt().toEpochMilli());
                insert.setInt(7, entry.attempts());
                insert.setString(8, entry.lastError().orElse(null));
                insert.setString(9, json.write(entry, KIND, entry.id()));
                if (insert.executeUpdate() == 0) {
                    throw new AlreadyExistsException(KIND, entry.id());
                }
            }
        }
    }

    /** Writes the entry's new state and releases any lease on it. */
    void replace(Connection c, OutboxEntry entry) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("UPDATE outbox_entry SET state = ?, next_attempt_at_ms = ?,"
                + " attempts = ?, last_error = ?, claimed_by = NULL, claim_token = NULL, lease_until_ms = NULL,"
                + " json = ? WHERE id = ?")) {
            update.setString(1, entry.state().name());
            update.setLong(2, entry.nextAttemptAt().toEpochMilli());
            update.setInt(3, entry.attempts());
            update.setString(4, entry.lastError().orElse(null));
            update.setString(5, json.write(entry, KIND, entry.id()));
            update.setString(6, entry.id());
            update.executeUpdate();
        }
    }

    /** The statement {@link #settle} runs, prepared once for a batch. */
    PreparedStatement prepareSettle(Connection c) throws SQLException {
        return c.prepareStatement("UPDATE outbox_entry SET state = ?, next_attempt_at_ms = ?, attempts = ?,"
                + " last_error = ?, claimed_by = NULL, claim_token = NULL, lease_until_ms = NULL, json = ?"
                + " WHERE id = ? AND claim_token = ? AND state = 'PENDING'");
    }

    /**
     * Writes a claimed entry's new state and releases its lease, if the claim's token still holds it (a
     * held entry is changed by nobody but its claimer, so the claimed copy is the stored one).
     *
     * @return whether the token still held it
     */
    boolean settle(PreparedStatement update, OutboxEntry entry, String token) throws SQLException {
        update.setString(1, entry.state().name());
        update.setLong(2, entry.nextAttemptAt().toEpochMilli());
        update.setInt(3, entry.attempts());
        update.setString(4, entry.lastError().orElse(null));
        update.setString(5, json.write(entry, KIND, entry.id()));
        update.setString(6, entry.id());
        update.setString(7, token);
        return update.executeUpdate() == 1;
    }

    OutboxEntry read(String document, String id) {
        return json.read(document, OutboxEntry.class, KIND, id);
    }
}
