package org.hth.hotline.core.store.sqlite;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.hth.hotline.core.outbox.OutboxEntry;
import org.hth.hotline.core.referral.Ticket;
import org.hth.hotline.core.referral.TicketEvent;
import org.hth.hotline.core.referral.TicketQuery;
import org.hth.hotline.core.referral.TicketStatus;
import org.hth.hotline.core.store.AlreadyExistsException;
import org.hth.hotline.core.store.NotFoundException;
import org.hth.hotline.core.store.TicketStore;

/**
 * Tickets in {@code ticket} (their destinations also in {@code ticket_destination}, for the filter),
 * written together with their outbox entries in one transaction on the write connection. Thread-safe.
 */
final class SqliteTicketStore implements TicketStore {
    private static final String KIND = "ticket";

    private final SqliteDatabase database;
    private final JsonColumn json;
    private final OutboxRows outbox;

    SqliteTicketStore(SqliteDatabase database, JsonColumn json, OutboxRows outbox) {
        this.database = database;
        this.json = json;
        this.outbox = outbox;
    }

    @Override
    public void create(Ticket ticket, List<OutboxEntry> entries) {
        String document = json.write(ticket, KIND, ticket.id());
        database.write("create ticket " + ticket.id(), c -> {
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO ticket (id, created_at_ms, status, call_id,"
                    + " json) VALUES (?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING")) {
                insert.setString(1, ticket.id());
                insert.setLong(2, ticket.createdAt().toEpochMilli());
                insert.setString(3, ticket.status().name());
                insert.setString(4, ticket.callId().orElse(null));
                insert.setString(5, document);
                if (insert.executeUpdate() == 0) {
                    throw new AlreadyExistsException(KIND, ticket.id());
                }
            }
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT OR IGNORE INTO ticket_destination (ticket_id, destination_id) VALUES (?, ?)")) {
                for (String destination : ticket.destinations()) {
                    insert.setString(1, ticket.id());
                    insert.setString(2, destination);
                    insert.executeUpdate();
                }
            }
            outbox.insert(c, entries);
            return null;
        });
    }

    @Override
    public Optional<Ticket> find(String ticketId) {
        return database.read("find ticket " + ticketId, c -> load(c, ticketId));
    }

    @Override
    public Ticket append(String ticketId, TicketEvent event, List<OutboxEntry> entries) {
        return database.write("append to ticket " + ticketId, c -> {
            Ticket updated = load(c, ticketId).orElseThrow(() -> new NotFoundException(KIND, ticketId)).with(event);
            try (PreparedStatement update = c.prepareStatement("UPDATE ticket SET status = ?, json = ? WHERE id = ?")) {
                update.setString(1, updated.status().name());
                update.setString(2, json.write(updated, KIND, ticketId));
                update.setString(3, ticketId);
                update.executeUpdate();
            }
            outbox.insert(c, entries);
            return updated;
        });
    }

    @Override
    public List<Ticket> appendEach(List<String> ticketIds, Function<Ticket, Optional<TicketEvent>> eventFor) {
        if (ticketIds.isEmpty()) {
            return List.of();
        }
        return database.write("append to " + ticketIds.size() + " tickets", c -> {
            List<Ticket> changed = new ArrayList<>();
            try (PreparedStatement update = c.prepareStatement("UPDATE ticket SET status = ?, json = ? WHERE id = ?")) {
                for (String ticketId : new LinkedHashSet<>(ticketIds)) {
                    Optional<Ticket> before = load(c, ticketId);
                    Optional<TicketEvent> event = before.flatMap(eventFor);
                    if (event.isEmpty()) {
                        continue;
                    }
                    Ticket updated = before.get().with(event.get());
                    update.setString(1, updated.status().name());
                    update.setString(2, json.write(updated, KIND, ticketId));
                    update.setString(3, ticketId);
                    update.executeUpdate();
                    changed.add(updated);
                }
            }
            return changed;
        });
    }

    /**
     * Without reading the tickets: per ticket, its destinations if its status is one of {@code from}, then the
     * event appended to the stored JSON's history and the status set, by SQLite's {@code json_insert} and
     * {@code json_set} (in the same write transaction, so the status read is the one changed).
     */
    @Override
    public List<String> appendEachFrom(List<String> ticketIds, Set<TicketStatus> from,
                                       Function<List<String>, TicketEvent> eventFor) {
        if (ticketIds.isEmpty() || from.isEmpty()) {
            return List.of();
        }
        String statuses = json.write(from.stream().map(TicketStatus::name).toList(), "statuses", "of the condition");
        return database.write("append to " + ticketIds.size() + " tickets", c -> {
            List<String> changed = new ArrayList<>();
            try (PreparedStatement select = c.prepareStatement("SELECT json -> '$.destinations' FROM ticket"
                    + " WHERE id = ?1 AND status IN (SELECT value FROM json_each(?2))");
                 PreparedStatement update = c.prepareStatement("UPDATE ticket SET status = COALESCE(?2, status),"
                         + " json = json_set(json_insert(json, '$.history[#]', json(?3)), '$.status',"
                         + " COALESCE(?2, status)) WHERE id = ?1")) {
                for (String ticketId : new LinkedHashSet<>(ticketIds)) {
                    select.setString(1, ticketId);
                    select.setString(2, statuses);
                    String destinations;
                    try (ResultSet rs = select.executeQuery()) {
                        if (!rs.next()) {
                            continue;
                        }
                        destinations = rs.getString(1);
                    }
                    TicketEvent event = eventFor.apply(List.of(json.read(destinations, String[].class, KIND, ticketId)));
                    update.setString(1, ticketId);
                    update.setString(2, event.status().map(TicketStatus::name).orElse(null));
                    update.setString(3, json.write(event, "event of ticket", ticketId));
                    update.executeUpdate();
                    changed.add(ticketId);
                }
            }
            return changed;
        });
    }

    @Override
    public List<Ticket> query(TicketQuery query) {
        return database.read("query the tickets", c -> {
            Conditions where = new Conditions();
            query.status().ifPresent(status -> where.add("status = ?", status.name()));
            // whole milliseconds around the period, then exactly on the records
            query.from().ifPresent(from -> where.add("created_at_ms >= ?", from.toEpochMilli()));
            query.to().ifPresent(to -> where.add("created_at_ms < ?", to.getNano() % 1_000_000 == 0
                    ? to.toEpochMilli() : to.toEpochMilli() + 1));
            query.callId().ifPresent(callId -> where.add("call_id = ?", callId));
            query.destinationId().ifPresent(destination -> where.add("EXISTS (SELECT 1 FROM ticket_destination d"
                    + " WHERE d.ticket_id = ticket.id AND d.destination_id = ?)", destination));
            try (PreparedStatement select = c.prepareStatement("SELECT id, json FROM ticket" + where.sql()
                    + " ORDER BY created_at_ms DESC, id DESC LIMIT ?")) {
                select.setInt(where.bind(select), query.limit());
                List<Ticket> tickets = new ArrayList<>();
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        Ticket ticket = json.read(rs.getString(2), Ticket.class, KIND, rs.getString(1));
                        if (query.createdInPeriod(ticket)) {
                            tickets.add(ticket);
                        }
                    }
                }
                return tickets;
            }
        });
    }

    private Optional<Ticket> load(Connection c, String ticketId) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT json FROM ticket WHERE id = ?")) {
            select.setString(1, ticketId);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? Optional.of(json.read(rs.getString(1), Ticket.class, KIND, ticketId))
                        : Optional.empty();
            }
        }
    }
}
