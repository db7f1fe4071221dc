package org.hth.hotline.core.store.redis;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.hth.hotline.core.outbox.OutboxEntry;
import org.hth.hotline.core.referral.Ticket;
import org.hth.hotline.core.referral.TicketEvent;
import org.hth.hotline.core.referral.TicketQuery;
import org.hth.hotline.core.store.AlreadyExistsException;
import org.hth.hotline.core.store.NotFoundException;
import org.hth.hotline.core.store.StoreException;
import org.hth.hotline.core.store.TicketStore;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Transaction;

/**
 * Tickets in Redis: the ticket's JSON at {@code ticket:<id>}, indexed by creation (whole microseconds)
 * in {@code tickets:by-created}, {@code tickets:status:<STATUS>}, {@code tickets:destination:<id>} and
 * {@code tickets:call:<call id>}. A ticket and its outbox entries are written by one script, which first
 * checks every key, so a taken id refuses the whole write: one round trip. Thread-safe.
 */
final class RedisTicketStore implements TicketStore {
    private static final int WATCH_RETRIES = 50;
    private static final LuaScript CREATE = LuaScript.load("outbox-entry-write.lua", "ticket-create.lua");
    private static final LuaScript REPLACE_EACH = LuaScript.load("ticket-replace-each.lua");
    /** Tickets kept with the JSON they were written as (see {@link ParsedTickets}). */
    private static final int PARSED_TICKETS = 4_096;
    private final RedisConnection redis;
    private final OutboxLayout outbox;
    private final ParsedTickets parsed = new ParsedTickets(PARSED_TICKETS);

    RedisTicketStore(RedisConnection redis, OutboxLayout outbox) {
        this.redis = redis;
        this.outbox = outbox;
    }

    /** One script: the checks and every write in one round trip ({@code ticket-create.lua}). */
    @Override
    public void create(Ticket ticket, List<OutboxEntry> entries) {
        checkBelong(entries, ticket.id());
        List<String> keys = new ArrayList<>(8 + ticket.destinations().size() + 3 * entries.size());
        keys.addAll(List.of(redis.key("ticket", ticket.id()), redis.key("tickets", "by-created"), status(ticket),
                outbox.stream(), outbox.scheduled(), outbox.all(), outbox.ticket(ticket.id())));
        for (String destination : ticket.destinations()) {
            keys.add(redis.key("tickets", "destination", destination));
        }
        ticket.callId().ifPresent(call -> keys.add(redis.key("tickets", "call", call)));
        List<String> args = new ArrayList<>(6 + 15 * entries.size());
        String json = redis.write(ticket);
        args.addAll(List.of(ticket.id(), json, Long.toString(RedisConnection.micros(ticket.createdAt())),
                Integer.toString(ticket.destinations().size()), ticket.callId().isPresent() ? "1" : "0",
                Integer.toString(entries.size())));
        Instant now = redis.now();
        for (OutboxEntry entry : entries) {
            keys.addAll(outbox.entryKeys(entry));
            args.addAll(outbox.arguments(entry, now));
        }
        List<?> reply = (List<?>) redis.call(jedis -> CREATE.run(jedis, keys, args));
        long code = (Long) reply.get(0);
        if (code == 1) {
            throw new AlreadyExistsException("ticket", ticket.id());
        }
        if (code == 2) {
            Object id = reply.get(1);
            throw new AlreadyExistsException("outbox entry",
                    id instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : String.valueOf(id));
        }
        parsed.wrote(ticket, json);
    }

    @Override
    public Ticket append(String ticketId, TicketEvent event, List<OutboxEntry> entries) {
        String key = redis.key("ticket", ticketId);
        checkBelong(entries, ticketId);
        return redis.call(jedis -> {
            for (int i = 0; i < WATCH_RETRIES; i++) {
                watch(jedis, key, entries);
                String json = jedis.get(key);
                if (json == null) {
                    jedis.unwatch();
                    throw new NotFoundException("ticket", ticketId);
                }
                refuseTakenEntries(jedis, entries);
                Ticket before = parse(ticketId, json);
                Ticket after = before.with(event);
                String afterJson = redis.write(after);
                Transaction tx = jedis.multi();
                tx.set(key, afterJson);
                if (after.status() != before.status()) {
                    double score = RedisConnection.micros(after.createdAt());
                    tx.zrem(status(before), ticketId);
                    tx.zadd(status(after), score, ticketId);
                }
                writeEntries(tx, entries);
                if (exec(tx, "ticket " + ticketId)) {
                    parsed.wrote(after, afterJson);
                    return after;
                }
            }
            throw new StoreException("ticket " + ticketId + " kept changing while an event was appended");
        });
    }

    /**
     * One {@code MGET}, the events chosen in Java, then one script ({@code ticket-replace-each.lua}) that writes
     * every changed ticket and moves it between status indexes, all or nothing, when every ticket named is still
     * as read: two round trips. When one changed meanwhile, nothing is written; the changed ones are read again
     * and their events chosen again (the others' choices stand: their tickets are as read).
     */
    @Override
    public List<Ticket> appendEach(List<String> ticketIds, Function<Ticket, Optional<TicketEvent>> eventFor) {
        List<String> ids = List.copyOf(new LinkedHashSet<>(ticketIds));
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<String, Planned> plan = new HashMap<>();
        List<String> toRead = ids;
        for (int i = 0; i < WATCH_RETRIES; i++) {
            plan(toRead, eventFor, plan);
            if (plan.values().stream().noneMatch(p -> p.after().isPresent())) {
                return List.of();
            }
            List<String> keys = new ArrayList<>(3 * ids.size());
            List<String> args = new ArrayList<>(5 * ids.size());
            for (String id : ids) {
                Planned planned = plan.get(id);
                String key = redis.key("ticket", id);
                String from = planned.before().map(this::status).orElse(key);
                keys.addAll(List.of(key, from, planned.after().map(this::status).orElse(from)));
                args.addAll(List.of(id, planned.before().isEmpty() ? "absent" : planned.after().isEmpty() ? "keep" : "write",
                        planned.read().orElse(""), planned.written().orElse(""),
                        planned.after().map(t -> Long.toString(RedisConnection.micros(t.createdAt()))).orElse("")));
            }
            List<?> same = (List<?>) redis.call(jedis -> REPLACE_EACH.run(jedis, keys, args));
            toRead = new ArrayList<>();
            for (int t = 0; t < ids.size(); t++) {
                if (!Long.valueOf(1).equals(same.get(t))) {
                    toRead.add(ids.get(t));
                }
            }
            if (toRead.isEmpty()) {
                List<Ticket> changed = new ArrayList<>();
                for (String id : ids) {
                    Planned planned = plan.get(id);
                    planned.after().ifPresent(after -> {
                        parsed.wrote(after, planned.written().orElseThrow());
                        changed.add(after);
                    });
                }
                return changed;
            }
        }
        throw new StoreException(ids.size() + " tickets kept changing while events were appended");
    }

    /** Reads these tickets (one {@code MGET}) and plans each one's change, replacing what {@code plan} had for them. */
    private void plan(List<String> ids, Function<Ticket, Optional<TicketEvent>> eventFor, Map<String, Planned> plan) {
        List<String> stored = redis.call(jedis -> jedis.mget(ids.stream().map(id -> redis.key("ticket", id))
                .toArray(String[]::new)));
        for (int t = 0; t < ids.size(); t++) {
            String json = stored.get(t);
            if (json == null) {
                plan.put(ids.get(t), new Planned(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()));
                continue;
            }
            Ticket before = parse(ids.get(t), json);
            Optional<Ticket> after = eventFor.apply(before).map(before::with);
            plan.put(ids.get(t), new Planned(Optional.of(json), Optional.of(before), after, after.map(redis::write)));
        }
    }

    /** A ticket as read for {@link #appendEach} (empty: absent) and, when it changes, as it will be written. */
    private record Planned(Optional<String> read, Optional<Ticket> before, Optional<Ticket> after,
                           Optional<String> written) {
    }

    /** The ticket stored as this JSON: the one this store wrote as that very text, or parsed. */
    private Ticket parse(String ticketId, String json) {
        return parsed.stored(ticketId, json).orElseGet(() -> redis.read(json, Ticket.class));
    }

    /** Watches the ticket's key and its entries' keys. */
    private void watch(Jedis jedis, String ticketKey, List<OutboxEntry> entries) {
        List<String> keys = new ArrayList<>();
        keys.add(ticketKey);
        entries.forEach(e -> keys.add(outbox.entry(e.id())));
        jedis.watch(keys.toArray(String[]::new));
    }

    private void refuseTakenEntries(Jedis jedis, List<OutboxEntry> entries) {
        Set<String> seen = new HashSet<>();
        for (OutboxEntry entry : entries) {
            if (!seen.add(entry.id()) || jedis.exists(outbox.entry(entry.id()))) {
                jedis.unwatch();
                throw new AlreadyExistsException("outbox entry", entry.id());
            }
        }
    }

    private void writeEntries(Transaction tx, List<OutboxEntry> entries) {
        Instant now = redis.now();
        for (OutboxEntry entry : entries) {
            outbox.enqueue(tx, entry, now);
        }
    }

    private static void checkBelong(List<OutboxEntry> entries, String ticketId) {
        for (OutboxEntry entry : entries) {
            if (!entry.ticketId().equals(ticketId)) {
                throw new IllegalArgumentException("outbox entry " + entry.id() + " is not about ticket " + ticketId);
            }
        }
    }

    /** Runs the transaction: false when a watched key changed (try again). */
    private static boolean exec(Transaction tx, String what) {
        List<Object> results = tx.exec();
        if (results == null) {
            return false;
        }
        for (Object result : results) {
            if (result instanceof Exception e) {
                throw new StoreException("writing " + what + " failed part-way: " + e.getMessage(), e);
            }
        }
        return true;
    }

    private String status(Ticket ticket) {
        return redis.key("tickets", "status", ticket.status().name());
    }

    @Override
    public Optional<Ticket> find(String ticketId) {
        return Optional.ofNullable(redis.call(jedis -> jedis.get(redis.key("ticket", ticketId))))
                .map(json -> parse(ticketId, json));
    }

    @Override
    public List<Ticket> query(TicketQuery query) {
        String index = query.callId().map(c -> redis.key("tickets", "call", c))
                .or(() -> query.destinationId().map(d -> redis.key("tickets", "destination", d)))
                .or(() -> query.status().map(s -> redis.key("tickets", "status", s.name())))
                .orElse(redis.key("tickets", "by-created"));
        String max = query.to().map(t -> Long.toString(RedisConnection.micros(t))).orElse(IndexWalk.TOP);
        String min = query.from().map(f -> Long.toString(RedisConnection.micros(f))).orElse(IndexWalk.BOTTOM);
        return redis.call(jedis -> IndexWalk.collect(jedis, index, max, min, 0, query.limit(),
                ids -> fetch(jedis, ids), ticket -> matches(query, ticket)));
    }

    private List<Ticket> fetch(Jedis jedis, List<String> ids) {
        List<Ticket> tickets = new ArrayList<>(ids.size());
        List<String> stored = jedis.mget(ids.stream().map(id -> redis.key("ticket", id)).toArray(String[]::new));
        for (int i = 0; i < ids.size(); i++) {
            String json = stored.get(i);
            tickets.add(json == null ? null : parse(ids.get(i), json));
        }
        return tickets;
    }

    private static boolean matches(TicketQuery query, Ticket ticket) {
        return query.status().map(s -> s == ticket.status()).orElse(true)
                && query.destinationId().map(ticket.destinations()::contains).orElse(true)
                && query.callId().map(c -> ticket.callId().filter(c::equals).isPresent()).orElse(true)
                && query.createdInPeriod(ticket);
    }
}
