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
 *   <li>{@code outbox:entry:<id>} — a hash: {@code json} (the entry as written), and its moving parts
 *       {@code state}, {@code attempts}, {@code next} (ISO instant), {@code error}, {@code created}
 *       (ms), {@code dest}, {@code ticket}; while claimed {@code token}, {@code claimer}, {@code lease} (ms); while in
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
    private static final LuaScript ENQUEUE = LuaScript.load("outbox-enqueue.lua");
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
        List<String> args = List.of(entry.id(), redis.write(entry), entry.state().name(),
                Integer.toString(entry.attempts()), entry.nextAttemptAt().toString(),
                Long.toString(RedisConnection.ceilMillis(entry.nextAttemptAt())),
                entry.nextAttemptAt().isAfter(now) ? "0" : "1",
                Long.toString(entry.createdAt().toEpochMilli()), entry.lastError().isPresent() ? "1" : "0",
                entry.lastError().orElse(""), GROUP, entry.destinationId(), entry.ticketId());
        tx.eval(ENQUEUE.text(), keys, args);
    }

    /** The entry a hash holds, with its moving parts; empty for an empty (absent) hash. */
    Optional<OutboxEntry> fromHash(Map<String, String> hash) {
        if (hash == null || !hash.containsKey("json")) {
            return Optional.empty();
        }
        OutboxEntry written = redis.read(hash.get("json"), OutboxEntry.class);
        return Optional.of(new OutboxEntry(written.id(), written.ticketId(), written.destinationId(),
                written.eventType(), written.payload(), written.createdAt(), Instant.parse(hash.get("next")),
                Integer.parseInt(hash.get("attempts")), OutboxState.valueOf(hash.get("state")),
                Optional.ofNullable(hash.get("error"))));
    }
}
