package org.hth.hotline.core.store.sqlite;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.hth.hotline.core.outbox.ClaimedEntry;
import org.hth.hotline.core.outbox.DeliveryAttempt;
import org.hth.hotline.core.outbox.OutboxDepth;
import org.hth.hotline.core.outbox.OutboxEntry;
import org.hth.hotline.core.outbox.OutboxQuery;
import org.hth.hotline.core.outbox.OutboxSettlement;
import org.hth.hotline.core.outbox.OutboxState;
import org.hth.hotline.core.outbox.ReplaySelection;
import org.hth.hotline.core.outbox.Resolution;
import org.hth.hotline.core.outbox.SettlementResult;
import org.hth.hotline.core.store.OutboxStore;

/**
 * The outbox in {@code outbox_entry} (every field a column: no JSON is parsed to claim or settle), its delivery
 * log in {@code delivery_attempt}. A claim leases the due entries and reads them back in one statement, with
 * one fresh random token for the claim, in one transaction on the write connection, so two claimers never
 * hold the same entry. A lease is live while now is before its end:
 * at {@code leaseUntil} the entry may be claimed again. Settling checks the token only, so a claimer
 * whose lease ran out may still settle the entry as long as nobody claimed it since. Time is the
 * injected clock's. {@link #claimInOrder} checks the order of each ticket's entries per destination in
 * the claim's own query; {@link #settle} writes a whole batch of settlements and their delivery log in one
 * transaction. Thread-safe.
 */
final class SqliteOutboxStore implements OutboxStore {
    private static final String SELECT = "SELECT " + OutboxRows.COLUMNS + " FROM outbox_entry";
    private static final Comparator<ClaimedEntry> CLAIM_ORDER = Comparator
            .comparingLong((ClaimedEntry claimed) -> claimed.entry().nextAttemptAt().toEpochMilli())
            .thenComparing(ClaimedEntry::id);

    private final SqliteDatabase database;
    private final JsonColumn json;
    private final OutboxRows rows;
    private final Clock clock;

    SqliteOutboxStore(SqliteDatabase database, JsonColumn json, OutboxRows rows, Clock clock) {
        this.database = database;
        this.json = json;
        this.rows = rows;
        this.clock = clock;
    }

    @Override
    public List<ClaimedEntry> claim(String claimer, int max, Duration lease) {
        return claimWhere("", claimer, max, lease);
    }

    /**
     * When a pending entry may next be claimed: its next attempt, or the end of the lease on it if later. The
     * expression of the {@code outbox_entry_due} index (V5), written identically so that SQLite uses it.
     */
    static final String CLAIMABLE_FROM = "max(e.next_attempt_at_ms, coalesce(e.lease_until_ms, 0))";

    @Override
    public List<ClaimedEntry> claimInOrder(String claimer, int max, Duration lease) {
        return claimWhere(" AND NOT EXISTS (SELECT 1 FROM outbox_entry o WHERE o.ticket_id = e.ticket_id"
                + " AND o.destination_id = e.destination_id AND o.state <> 'DELIVERED'"
                + " AND (o.created_at_ms < e.created_at_ms OR o.created_at_ms = e.created_at_ms AND o.id < e.id))",
                claimer, max, lease);
    }

    /**
     * One statement: the due entries are leased and returned by the same {@code UPDATE … RETURNING}, all with
     * one fresh token (a claim's token and an entry's id name one claimed entry), then put in claim order. The
     * due entries are walked in the order of {@code outbox_entry_due}, which stops at {@code max}: without table
     * statistics (a new database, or one never closed since it filled) SQLite would otherwise pick the state
     * index, check the condition on every pending entry and sort them all, for every claim. That index is
     * ordered by {@link #CLAIMABLE_FROM}, so entries under lease sit past the present and the walk never
     * meets them.
     */
    private List<ClaimedEntry> claimWhere(String condition, String claimer, int max, Duration lease) {
        if (max < 1 || lease.isNegative() || lease.isZero()) {
            throw new IllegalArgumentException("max and lease must be positive, were " + max + " and " + lease);
        }
        String token = UUID.randomUUID().toString();
        return database.write("claim outbox entries for " + claimer, c -> {
            Instant now = clock.instant();
            Instant leaseUntil = now.plus(lease);
            List<ClaimedEntry> claimed = new ArrayList<>();
            try (PreparedStatement update = c.prepareStatement("UPDATE outbox_entry SET claimed_by = ?1,"
                    + " claim_token = ?2, lease_until_ms = ?3 WHERE id IN (SELECT e.id FROM outbox_entry e"
                    + " INDEXED BY outbox_entry_due WHERE e.state = 'PENDING' AND " + CLAIMABLE_FROM + " <= ?4"
                    + condition + " ORDER BY " + CLAIMABLE_FROM + ", e.id LIMIT ?5) RETURNING "
                    + OutboxRows.COLUMNS)) {
                update.setString(1, claimer);
                update.setString(2, token);
                update.setLong(3, ceilingMillis(leaseUntil));
                update.setLong(4, now.toEpochMilli());
                update.setInt(5, max);
                try (ResultSet rs = update.executeQuery()) {
                    while (rs.next()) {
                        claimed.add(new ClaimedEntry(rows.read(rs), claimer, token, leaseUntil));
                    }
                }
            }
            claimed.sort(CLAIM_ORDER);
            return claimed;
        });
    }

    /**
     * One write transaction for the whole batch: each attempt goes into the delivery log, then each entry
     * still held by its claim's token takes its new state (one conditional update, from the claimed copy);
     * after a delivery, whether its ticket has an entry left undelivered.
     */
    @Override
    public List<SettlementResult> settle(List<OutboxSettlement> settlements) {
        if (settlements.isEmpty()) {
            return List.of();
        }
        List<String> documents = settlements.stream().map(s -> s.attempt()
                .map(a -> json.write(a, "delivery attempt", a.entryId())).orElse("")).toList();
        return database.write("settle " + settlements.size() + " outbox entries", c -> {
            List<SettlementResult> results = new ArrayList<>(settlements.size());
            try (PreparedStatement log = c.prepareStatement(
                         "INSERT INTO delivery_attempt (entry_id, at_ms, json) VALUES (?, ?, ?)");
                 PreparedStatement held = rows.prepareSettle(c);
                 PreparedStatement undelivered = c.prepareStatement("SELECT EXISTS (SELECT 1 FROM outbox_entry"
                         + " WHERE ticket_id = ? AND state <> 'DELIVERED')")) {
                for (int i = 0; i < settlements.size(); i++) {
                    OutboxSettlement settlement = settlements.get(i);
                    if (settlement.attempt().isPresent()) {
                        insertAttempt(log, settlement.attempt().get(), documents.get(i));
                    }
                    results.add(apply(held, undelivered, settlement));
                }
            }
            return results;
        });
    }

    private SettlementResult apply(PreparedStatement held, PreparedStatement undelivered, OutboxSettlement settlement)
            throws SQLException {
        ClaimedEntry claimed = settlement.claimed();
        OutboxEntry changed = resolved(claimed.entry(), settlement.resolution());
        if (!rows.settle(held, changed, claimed.token())) {
            return new SettlementResult(claimed.id(), false, false);
        }
        boolean ticketDelivered = false;
        if (changed.state() == OutboxState.DELIVERED) {
            undelivered.setString(1, changed.ticketId());
            try (ResultSet rs = undelivered.executeQuery()) {
                ticketDelivered = rs.next() && rs.getInt(1) == 0;
            }
        }
        return new SettlementResult(claimed.id(), true, ticketDelivered);
    }

    private static OutboxEntry resolved(OutboxEntry e, Resolution resolution) {
        if (resolution instanceof Resolution.Postponed postponed) {
            return new OutboxEntry(e.id(), e.ticketId(), e.destinationId(), e.eventType(), e.payload(), e.createdAt(),
                    postponed.next(), e.attempts(), OutboxState.PENDING, e.lastError());
        }
        if (resolution instanceof Resolution.RetryAt retry) {
            return counted(e, retry.next(), OutboxState.PENDING, Optional.of(retry.error()));
        }
        if (resolution instanceof Resolution.Dead dead) {
            return counted(e, e.nextAttemptAt(), OutboxState.DEAD, Optional.of(dead.error()));
        }
        return counted(e, e.nextAttemptAt(), OutboxState.DELIVERED, e.lastError());
    }

    private static OutboxEntry counted(OutboxEntry e, Instant next, OutboxState state, Optional<String> error) {
        return new OutboxEntry(e.id(), e.ticketId(), e.destinationId(), e.eventType(), e.payload(), e.createdAt(),
                next, e.attempts() + 1, state, error);
    }

    @Override
    public int replay(ReplaySelection selection) {
        return database.write("replay dead letters", c -> {
            Instant now = clock.instant();
            List<OutboxEntry> dead;
            if (selection instanceof ReplaySelection.One one) {
                dead = entries(c, SELECT + " WHERE state = 'DEAD' AND id = ?1", one.entryId());
            } else if (selection instanceof ReplaySelection.Destination destination) {
                dead = entries(c, SELECT + " WHERE state = 'DEAD' AND destination_id = ?1",
                        destination.destinationId());
            } else {
                Instant since = ((ReplaySelection.Since) selection).since();
                dead = entries(c, SELECT + " WHERE state = 'DEAD' AND created_at_ms >= ?1",
                        since.toEpochMilli()).stream().filter(e -> !e.createdAt().isBefore(since)).toList();
            }
            for (OutboxEntry e : dead) {
                rows.replace(c, new OutboxEntry(e.id(), e.ticketId(), e.destinationId(), e.eventType(), e.payload(),
                        e.createdAt(), now, 0, OutboxState.PENDING, e.lastError()));
            }
            return dead.size();
        });
    }

    @Override
    public Optional<OutboxEntry> find(String entryId) {
        return database.read("find outbox entry " + entryId,
                c -> entries(c, SELECT + " WHERE id = ?1", entryId).stream().findFirst());
    }

    @Override
    public List<OutboxEntry> query(OutboxQuery query) {
        return database.read("query the outbox", c -> {
            Conditions where = new Conditions();
            query.destinationId().ifPresent(destination -> where.add("destination_id = ?", destination));
            query.state().ifPresent(state -> where.add("state = ?", state.name()));
            try (PreparedStatement select = c.prepareStatement(SELECT + where.sql()
                    + " ORDER BY created_at_ms DESC, id DESC LIMIT ?")) {
                select.setInt(where.bind(select), query.limit());
                return read(select);
            }
        });
    }

    @Override
    public List<OutboxEntry> forTicket(String ticketId) {
        return database.read("read the outbox of ticket " + ticketId, c -> entries(c,
                SELECT + " WHERE ticket_id = ?1 ORDER BY created_at_ms, id", ticketId));
    }

    @Override
    public OutboxDepth depth() {
        return database.read("count the outbox", c -> {
            long pending = 0;
            long dead = 0;
            long delivered = 0;
            try (var statement = c.createStatement();
                 ResultSet rs = statement.executeQuery("SELECT state, COUNT(*) FROM outbox_entry GROUP BY state")) {
                while (rs.next()) {
                    switch (OutboxState.valueOf(rs.getString(1))) {
                        case PENDING -> pending = rs.getLong(2);
                        case DEAD -> dead = rs.getLong(2);
                        case DELIVERED -> delivered = rs.getLong(2);
                    }
                }
            }
            return new OutboxDepth(pending, dead, delivered);
        });
    }

    @Override
    public void recordAttempt(DeliveryAttempt attempt) {
        String document = json.write(attempt, "delivery attempt", attempt.entryId());
        database.write("record a delivery attempt of " + attempt.entryId(), c -> {
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO delivery_attempt (entry_id, at_ms, json) VALUES (?, ?, ?)")) {
                insertAttempt(insert, attempt, document);
                return null;
            }
        });
    }

    private static void insertAttempt(PreparedStatement insert, DeliveryAttempt attempt, String document)
            throws SQLException {
        insert.setString(1, attempt.entryId());
        insert.setLong(2, attempt.at().toEpochMilli());
        insert.setString(3, document);
        insert.executeUpdate();
    }

    @Override
    public List<DeliveryAttempt> attempts(String entryId) {
        return database.read("read the delivery log of " + entryId, c -> {
            List<DeliveryAttempt> attempts = new ArrayList<>();
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT json FROM delivery_attempt WHERE entry_id = ? ORDER BY at_ms, seq")) {
                select.setString(1, entryId);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        attempts.add(json.read(rs.getString(1), DeliveryAttempt.class, "delivery attempt", entryId));
                    }
                }
            }
            return attempts;
        });
    }

    private List<OutboxEntry> entries(Connection c, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                select.setObject(i + 1, parameters[i]);
            }
            return read(select);
        }
    }

    private List<OutboxEntry> read(PreparedStatement select) throws SQLException {
        List<OutboxEntry> entries = new ArrayList<>();
        try (ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                entries.add(rows.read(rs));
            }
        }
        return entries;
    }

    /** The lease end in whole milliseconds, rounded up so that the stored lease never ends early. */
    private static long ceilingMillis(Instant instant) {
        long millis = instant.toEpochMilli();
        return instant.getNano() % 1_000_000 == 0 ? millis : millis + 1;
    }
}
