package org.hth.hotline.core.store.sqlite;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import java.util.function.BiFunction;

import org.hth.hotline.core.call.CallRecord;
import org.hth.hotline.core.referral.Ticket;
import org.hth.hotline.core.retention.Anonymised;
import org.hth.hotline.core.retention.Erasure;
import org.hth.hotline.core.store.RetentionStore;

/**
 * Retention on SQLite: walks the candidate rows (a cheap SQL filter on the indexed time column and the JSON)
 * in batches by id, one write transaction per batch so that calls being saved meanwhile wait at most one batch,
 * and rewrites the rows {@link Erasure} changes. Thread-safe.
 */
final class SqliteRetentionStore implements RetentionStore {
    private static final int BATCH = 500;

    private final SqliteDatabase database;
    private final JsonColumn json;

    SqliteRetentionStore(SqliteDatabase database, JsonColumn json) {
        this.database = database;
        this.json = json;
    }

    @Override
    public Anonymised anonymiseBefore(Instant cutoff) {
        long ms = cutoff.toEpochMilli();
        int calls = rewrite("call_record", "call_id", "started_at_ms < " + ms + " AND (caller_pseudonym IS NOT NULL"
                        + " OR json_extract(json, '$.notes') <> '' OR json_array_length(json, '$.tags') > 0)",
                "UPDATE call_record SET caller_pseudonym = NULL, json = ? WHERE call_id = ?",
                (id, text) -> Erasure.anonymised(json.read(text, CallRecord.class, "call", id), cutoff)
                        .map(c -> json.write(c, "call", c.callId())));
        int tickets = rewrite("ticket", "id", "created_at_ms < " + ms + " AND (json_extract(json, '$.summary') <> ''"
                        + " OR json_extract(json, '$.person.name') IS NOT NULL)",
                "UPDATE ticket SET json = ? WHERE id = ?",
                (id, text) -> Erasure.anonymised(json.read(text, Ticket.class, "ticket", id), cutoff)
                        .map(t -> json.write(t, "ticket", t.id())));
        return new Anonymised(calls, tickets);
    }

    @Override
    public int eraseExpiredCallbackNumbers(Instant now) {
        return rewrite("ticket", "id", "json_extract(json, '$.sealedCallbackNumber') IS NOT NULL",
                "UPDATE ticket SET json = ? WHERE id = ?",
                (id, text) -> Erasure.withoutExpiredNumber(json.read(text, Ticket.class, "ticket", id), now)
                        .map(t -> json.write(t, "ticket", t.id())));
    }

    @Override
    public boolean eraseCallbackNumber(String ticketId) {
        return database.write("callback number of ticket " + ticketId, c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT json FROM ticket WHERE id = ?");
                 PreparedStatement update = c.prepareStatement("UPDATE ticket SET json = ? WHERE id = ?")) {
                select.setString(1, ticketId);
                try (ResultSet rs = select.executeQuery()) {
                    if (!rs.next()) {
                        return false;
                    }
                    Optional<Ticket> erased = Erasure.withoutNumber(json.read(rs.getString(1), Ticket.class, "ticket",
                            ticketId));
                    if (erased.isEmpty()) {
                        return false;
                    }
                    update.setString(1, json.write(erased.get(), "ticket", ticketId));
                    update.setString(2, ticketId);
                    return update.executeUpdate() == 1;
                }
            }
        });
    }

    /** Rewrites, batch by batch, the rows matching {@code where} whose JSON {@code change} gives a new text for. */
    private int rewrite(String table, String idColumn, String where, String update,
                        BiFunction<String, String, Optional<String>> change) {
        int changed = 0;
        String after = "";
        while (true) {
            String from = after;
            Batch batch = database.write("retention on " + table, c -> batch(c, table, idColumn, where, update,
                    change, from));
            changed += batch.changed();
            if (batch.lastId().isEmpty()) {
                return changed;
            }
            after = batch.lastId().get();
        }
    }

    private record Batch(int changed, Optional<String> lastId) {
    }

    private static Batch batch(Connection c, String table, String idColumn, String where, String update,
                               BiFunction<String, String, Optional<String>> change, String after) throws SQLException {
        int changed = 0;
        int seen = 0;
        String last = after;
        try (PreparedStatement select = c.prepareStatement("SELECT " + idColumn + ", json FROM " + table
                + " WHERE " + idColumn + " > ? AND " + where + " ORDER BY " + idColumn + " LIMIT " + BATCH);
             PreparedStatement write = c.prepareStatement(update)) {
            select.setString(1, after);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    seen++;
                    last = rs.getString(1);
                    Optional<String> changedJson = change.apply(last, rs.getString(2));
                    if (changedJson.isPresent()) {
                        write.setString(1, changedJson.get());
                        write.setString(2, last);
                        write.executeUpdate();
                        changed++;
                    }
                }
            }
        }
        return new Batch(changed, seen < BATCH ? Optional.empty() : Optional.of(last));
    }
}
