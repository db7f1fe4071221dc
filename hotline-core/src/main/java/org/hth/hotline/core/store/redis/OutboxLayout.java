package org.hth.hotline.core.store.redis;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.hth.hotline.core.outbox.OutboxEntry;
import org.hth.hotline.core.outbox.OutboxState;
import redis.clients.jedis.AbstractTransaction;

/**
 * Where the outbox lives in Redis, shared by the ticket store (which writes entries) and the outbox
 * store (which claims and settles them). Keys under the prefix:
 * <ul>
 *   <li>{@code outbox:entry:<id>} — a hash: its fixed parts ({@code ticket}, {@code dest}, {@code type},
 *       {@code payload}, {@code at}: creation as an ISO instant), read without parsing JSON (entries written
 *       before those fields existed have {@code json} instead, the entry as a document, which is read then),
 *       its moving parts
 *       {@code state}, {@code attempts}, {@code next} (ISO instant), {@code error}, and {@code created}
 *       (ms); while claimed {@code token}, {@code claimer}, {@code lease} (ms); while in
 *       the stream {@code sid} (its message id); while an in-order claim holds it back behind an older
 *       entry of its ticket and destination {@code parked};</li>
 *   <li>{@code outbox:stream} — the due entries, one message {@code id=<entry id>} each, read by the
 *       consumer group {@value #GROUP};</li>
 *   <li>{@code outbox:scheduled} — entries waiting for a later attempt, scored by its time (ms);</li>
 *   <li>{@code outbox:leases} — claimed entries scored by lease end (ms);</li>
 *   <li>{@code outbox:state:<STATE>}, {@code outbox:destination:<id>}, {@code outbox:all} — scored by
 *       creation (ms), for queries and depth;</li>
 *   <li>{@code outbox:ticket:<ticket id>} — a list of the ticket's entry ids, oldest first;</li>
 *   <li>{@code outbox:attempts:<id>} — the delivery log, a list of JSON attempts, oldest first.</li>
 * </ul>
 * Immutable and thread-safe.
 */
final class OutboxLayout {
    static final String GROUP = "dispatchers";
    private static final LuaScript ENQUEUE = LuaScript.load("outbox-entry-write.lua", "outbox-enqueue.lua");
    private final RedisConnection redis;

    OutboxLayout(RedisConnection redis) {
        this.redis = redis;
    }

    String entry(String id) {
        return redis.key("outbox", "entry", id);
    }

    String entryPrefix() {
        return redis.key("outbox", "entry", "");
    }

    String stream() {
        return redis.key("outbox", "stream");
    }

    String scheduled() {
        return redis.key("outbox", "scheduled");
    }

    String leases() {
        return redis.key("outbox", "leases");
    }

    String state(OutboxState state) {
        return redis.key("outbox", "state", state.name());
    }

    String destination(String destinationId) {
        return redis.key("outbox", "destination", destinationId);
    }

    String all() {
        return redis.key("outbox", "all");
    }

    String ticketPrefix() {
        return redis.key("outbox", "ticket", "");
    }

    String attemptsPrefix() {
        return redis.key("outbox", "attempts", "");
    }

    String statePrefix() {
        return redis.key("outbox", "state", "");
    }

    String ticket(String ticketId) {
        return redis.key("outbox", "ticket", ticketId);
    }

    String attempts(String entryId) {
        return redis.key("outbox", "attempts", entryId);
    }

    /**
     * Queues writing a new entry into a transaction (a script, so the stream message id lands in the
     * entry's hash): due entries go into the stream, later ones into the scheduled set.
     */
    void enqueue(AbstractTransaction tx, OutboxEntry entry, Instant now) {
        List<String> keys = List.of(entry(entry.id()), stream(), scheduled(), state(entry.state()),
                destination(entry.destinationId()), all(), ticket(entry.ticketId()));
        tx.eval(ENQUEUE.text(), keys, arguments(entry, now));
    }

    /** The keys of one entry that {@code ticket-create.lua} takes per entry: its hash, its state's and destination's sets. */
    List<String> entryKeys(OutboxEntry entry) {
        return List.of(entry(entry.id()), state(entry.state()), destination(entry.destinationId()));
    }

    /** The arguments {@code write_entry} (outbox-entry-write.lua) takes for one entry. */
    List<String> arguments(OutboxEntry entry, Instant now) {
        return List.of(entry.id(), entry.state().name(),
                Integer.toString(entry.attempts()), IsoInstants.format(entry.nextAttemptAt()),
                Long.toString(RedisConnection.ceilMillis(entry.nextAttemptAt())),
                entry.nextAttemptAt().isAfter(now) ? "0" : "1",
                Long.toString(entry.createdAt().toEpochMilli()), entry.lastError().isPresent() ? "1" : "0",
                entry.lastError().orElse(""), GROUP, entry.destinationId(), entry.ticketId(), entry.eventType(),
                entry.payload(), IsoInstants.format(entry.createdAt()));
    }

    /** The entry a hash holds, with its moving parts; empty for an empty (absent) hash. */
    Optional<OutboxEntry> fromHash(String id, Map<String, String> hash) {
        if (hash == null || !hash.containsKey("state") || !(hash.containsKey("payload") || hash.containsKey("json"))) {
            return Optional.empty();
        }
        return Optional.of(entry(id, hash.get("state"), hash.get("attempts"), hash.get("next"), hash.get("error"),
                hash.get("ticket"), hash.get("dest"), hash.get("type"), hash.get("payload"), hash.get("at"),
                hash.get("json")));
    }

    /**
     * The entry from a claim's reply ({@code outbox-claim.lua}): its id, then its fields {@code state},
     * {@code attempts}, {@code next}, {@code error}, {@code ticket}, {@code dest}, {@code type}, {@code payload},
     * {@code at}, {@code json} (null where absent; {@code json} only for an entry without {@code payload}).
     */
    OutboxEntry fromClaim(List<String> reply) {
        return entry(reply.get(0), reply.get(1), reply.get(2), reply.get(3), reply.get(4), reply.get(5), reply.get(6),
                reply.get(7), reply.get(8), reply.get(9), reply.get(10));
    }

    private OutboxEntry entry(String id, String state, String attempts, String next, String error, String ticket,
                              String dest, String type, String payload, String at, String json) {
        Instant nextAttempt = IsoInstants.parse(next);
        int attempted = Integer.parseInt(attempts);
        OutboxState now = OutboxState.valueOf(state);
        Optional<String> lastError = Optional.ofNullable(error);
        if (payload != null) {
            return new OutboxEntry(id, ticket, dest, type, payload, IsoInstants.parse(at), nextAttempt, attempted, now,
                    lastError);
        }
        OutboxEntry written = redis.read(json, OutboxEntry.class); // written before the fields were kept apart
        return new OutboxEntry(written.id(), written.ticketId(), written.destinationId(), written.eventType(),
                written.payload(), written.createdAt(), nextAttempt, attempted, now, lastError);
    }
}
