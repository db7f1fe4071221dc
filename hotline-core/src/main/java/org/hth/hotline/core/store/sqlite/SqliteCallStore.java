package org.hth.hotline.core.store.sqlite;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.hth.hotline.core.call.CallQuery;
import org.hth.hotline.core.call.CallRecord;
import org.hth.hotline.core.call.CallRollup;
import org.hth.hotline.core.store.CallStore;
import org.hth.hotline.core.store.NotFoundException;
import org.hth.hotline.core.store.Page;
import org.hth.hotline.core.store.StoreException;
import org.hth.hotline.core.store.internal.CallRollupFields;
import org.hth.hotline.core.store.internal.StoreJson;

/**
 * Call records in the {@code call_record} table. The log is paged by keyset on
 * {@code (started_at_ms, call_id)}, newest first, through an index per filter; the period filters
 * resolve to the millisecond. The statistics' counters are kept in {@code call_rollup} (see
 * {@link CallRollupFields}), updated in each save's transaction. Thread-safe.
 */
final class SqliteCallStore implements CallStore {
    private static final String KIND = "call";
    private static final ObjectMapper ROLLUP_JSON = StoreJson.mapper();

    private final SqliteDatabase database;
    private final JsonColumn json;

    SqliteCallStore(SqliteDatabase database, JsonColumn json) {
        this.database = database;
        this.json = json;
    }

    @Override
    public void save(CallRecord call) {
        saveAll(List.of(call));
    }

    /**
     * The whole batch in one {@code BEGIN IMMEDIATE} transaction, one upsert statement run as a JDBC batch
     * ({@link #save} is a batch of one), then the rollup's counters changed by the batch (each replaced record's
     * contribution taken back, each new one's added): one select of the replaced records and one upsert of the
     * counters, whatever the batch's size.
     */
    @Override
    public void saveAll(List<CallRecord> calls) {
        if (calls.isEmpty()) {
            return;
        }
        List<String> documents = new ArrayList<>(calls.size());
        for (CallRecord call : calls) {
            documents.add(json.write(call, KIND, call.callId()));
        }
        database.write("save " + calls.size() + " calls", c -> {
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO call_record (call_id, started_at_ms,"
                    + " outcome, answered_by, language, territory, caller_pseudonym, json)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (call_id) DO UPDATE SET"
                    + " started_at_ms = excluded.started_at_ms, outcome = excluded.outcome,"
                    + " answered_by = excluded.answered_by, language = excluded.language,"
                    + " territory = excluded.territory, caller_pseudonym = excluded.caller_pseudonym,"
                    + " json = excluded.json")) {
                for (int i = 0; i < calls.size(); i++) {
                    CallRecord call = calls.get(i);
                    insert.setString(1, call.callId());
                    insert.setLong(2, call.startedAt().toEpochMilli());
                    insert.setString(3, call.outcome().name());
                    insert.setString(4, call.answeredBy().orElse(null));
                    insert.setString(5, call.language().orElse(null));
                    insert.setString(6, call.territory().map(Enum::name).orElse(null));
                    insert.setString(7, call.callerPseudonym().orElse(null));
                    insert.setString(8, documents.get(i));
                    insert.addBatch();
                }
                Map<Long, Map<String, Long>> deltas = rollupDeltas(c, calls);
                insert.executeBatch();
                return updateRollup(c, deltas);
            }
        });
    }

    /**
     * What the batch changes in the rollup, read before the batch is written (its old records still there): the
     * replaced records in one statement (the ids passed as a JSON array).
     */
    private Map<Long, Map<String, Long>> rollupDeltas(Connection c, List<CallRecord> calls) throws SQLException {
        Map<String, CallRecord> stored = new HashMap<>();
        try (PreparedStatement select = c.prepareStatement("SELECT call_id, json FROM call_record"
                + " WHERE call_id IN (SELECT value FROM json_each(?))")) {
            select.setString(1, ROLLUP_JSON.writeValueAsString(calls.stream().map(CallRecord::callId).toList()));
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    stored.put(rs.getString(1), json.read(rs.getString(2), CallRecord.class, KIND, rs.getString(1)));
                }
            }
        } catch (JsonProcessingException e) {
            throw new StoreException("cannot write the ids of a batch of calls as JSON", e);
        }
        Map<Long, Map<String, Long>> deltas = new TreeMap<>();
        for (CallRecord call : calls) {
            CallRecord old = stored.put(call.callId(), call);
            if (old != null) {
                CallRollupFields.add(deltas, old, -1);
            }
            CallRollupFields.add(deltas, call, 1);
        }
        return deltas;
    }

    /** Adds the changes to the rollup in one upsert statement, the counters passed as a JSON array. */
    private static int updateRollup(Connection c, Map<Long, Map<String, Long>> deltas) throws SQLException {
        List<Object[]> counters = new ArrayList<>();
        deltas.forEach((day, fields) -> fields.forEach((field, n) -> {
            if (n != 0) {
                counters.add(new Object[] {day, field, n});
            }
        }));
        if (counters.isEmpty()) {
            return 0;
        }
        try (PreparedStatement upsert = c.prepareStatement("INSERT INTO call_rollup (day, field, n)"
                + " SELECT value ->> 0, value ->> 1, value ->> 2 FROM json_each(?) WHERE true"
                + " ON CONFLICT (day, field) DO UPDATE SET n = n + excluded.n")) {
            upsert.setString(1, ROLLUP_JSON.writeValueAsString(counters));
            return upsert.executeUpdate();
        } catch (JsonProcessingException e) {
            throw new StoreException("cannot write the call rollup's changes as JSON", e);
        }
    }

    @Override
    public CallRollup rollup(LocalDate fromDay, LocalDate toDay) {
        return database.read("read the call rollup", c -> {
            CallRollupFields.Reader reader = new CallRollupFields.Reader();
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT day, field, n FROM call_rollup WHERE day >= ? AND day < ?")) {
                select.setLong(1, fromDay.toEpochDay());
                select.setLong(2, toDay.toEpochDay());
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        reader.add(rs.getLong(1), rs.getString(2), rs.getLong(3));
                    }
                }
            }
            return reader.rollup();
        });
    }

    @Override
    public Optional<CallRecord> find(String callId) {
        return database.read("find call " + callId, c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT json FROM call_record WHERE call_id = ?")) {
                select.setString(1, callId);
                try (ResultSet rs = select.executeQuery()) {
                    return rs.next() ? Optional.of(json.read(rs.getString(1), CallRecord.class, KIND, callId))
                            : Optional.<CallRecord>empty();
                }
            }
        });
    }

    @Override
    public Page<CallRecord> query(CallQuery query) {
        return database.read("query the call log", c -> {
            Conditions where = new Conditions();
            query.from().ifPresent(from -> where.add("started_at_ms >= ?", from.toEpochMilli()));
            query.to().ifPresent(to -> where.add("started_at_ms < ?", to.toEpochMilli()));
            query.outcome().ifPresent(outcome -> where.add("outcome = ?", outcome.name()));
            query.operator().ifPresent(operator -> where.add("answered_by = ?", operator));
            query.language().ifPresent(language -> where.add("language = ?", language));
            query.territory().ifPresent(territory -> where.add("territory = ?", territory.name()));
            query.hasTicket().ifPresent(has -> where.add(has ? "json_array_length(json, '$.ticketIds') > 0"
                    : "COALESCE(json_array_length(json, '$.ticketIds'), 0) = 0"));
            if (query.after().isPresent()) {
                afterCursor(c, query.after().get(), where);
            }
            return page(c, where, query.limit());
        });
    }

    @Override
    public Page<CallRecord> byCaller(String pseudonym, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive, was " + limit);
        }
        return database.read("read a caller's history", c -> {
            Conditions where = new Conditions();
            where.add("caller_pseudonym = ?", pseudonym);
            return page(c, where, limit);
        });
    }

    /** Adds the keyset condition: strictly after the cursor call in (start, id) descending order. */
    private static void afterCursor(Connection c, String callId, Conditions where) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(
                "SELECT started_at_ms FROM call_record WHERE call_id = ?")) {
            select.setString(1, callId);
            try (ResultSet rs = select.executeQuery()) {
                if (!rs.next()) {
                    throw new NotFoundException(KIND, callId);
                }
                where.add("(started_at_ms, call_id) < (?, ?)", rs.getLong(1), callId);
            }
        }
    }

    /** One page: fetches one row more than the limit to know whether there is a next page. */
    private Page<CallRecord> page(Connection c, Conditions where, int limit) throws SQLException {
        String sql = "SELECT call_id, json FROM call_record" + where.sql()
                + " ORDER BY started_at_ms DESC, call_id DESC LIMIT ?";
        try (PreparedStatement select = c.prepareStatement(sql)) {
            int next = where.bind(select);
            select.setInt(next, limit + 1);
            List<CallRecord> items = new ArrayList<>();
            boolean more = false;
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    if (items.size() == limit) {
                        more = true;
                        break;
                    }
                    items.add(json.read(rs.getString(2), CallRecord.class, KIND, rs.getString(1)));
                }
            }
            Optional<String> cursor = more ? Optional.of(items.get(items.size() - 1).callId()) : Optional.empty();
            return new Page<>(items, cursor);
        }
    }
}
