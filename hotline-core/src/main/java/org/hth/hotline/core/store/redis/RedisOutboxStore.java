package org.hth.hotline.core.store.redis;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
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
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.Response;

/**
 * The outbox on a Redis Stream with one consumer group ({@value OutboxLayout#GROUP}), so that any number
 * of dispatcher nodes share it: a due entry has one message in the stream; {@link #claim} is one Lua
 * script that moves due retries into the stream, takes over messages whose lease has run out by the
 * store's clock ({@code XCLAIM}), and reads new ones ({@code XREADGROUP … >}, consumer = claimer).
 * {@link #claimInOrder} parks an entry behind an older undelivered one of its ticket and destination, and
 * that one's delivery makes it due again. Settling, a whole batch with its delivery log in one Lua script,
 * checks each claim's random token and acknowledges and deletes the message.
 * See {@link OutboxLayout} for the keys. Thread-safe.
 */
final class RedisOutboxStore implements OutboxStore {
    private static final LuaScript CLAIM = LuaScript.load("outbox-claim.lua");
    private static final LuaScript SETTLE = LuaScript.load("outbox-settle-all.lua");
    private static final LuaScript REPLAY = LuaScript.load("outbox-replay.lua");
    private final RedisConnection redis;
    private final OutboxLayout layout;

    RedisOutboxStore(RedisConnection redis, OutboxLayout layout) {
        this.redis = redis;
        this.layout = layout;
    }

    @Override
    public List<ClaimedEntry> claim(String claimer, int max, Duration lease) {
        return claim(claimer, max, lease, false);
    }

    @Override
    public List<ClaimedEntry> claimInOrder(String claimer, int max, Duration lease) {
        return claim(claimer, max, lease, true);
    }

    private List<ClaimedEntry> claim(String claimer, int max, Duration lease, boolean inOrder) {
        if (max < 1) {
            throw new IllegalArgumentException("max must be positive, was " + max);
        }
        Instant now = redis.now();
        Instant leaseUntil = now.plus(lease);
        String token = UUID.randomUUID().toString();
        Object result = redis.call(jedis -> CLAIM.run(jedis, List.of(layout.stream(), layout.scheduled(), layout.leases()),
                List.of(OutboxLayout.GROUP, claimer, Long.toString(now.toEpochMilli()),
                        Long.toString(RedisConnection.ceilMillis(leaseUntil)), Integer.toString(max), token,
                        layout.entryPrefix(), inOrder ? "1" : "0", layout.ticketPrefix(),
                        Long.toString(RedisConnection.ceilMillis(leaseUntil)))));
        List<?> replies = (List<?>) result;
        List<ClaimedEntry> claimed = new ArrayList<>(replies.size());
        for (Object reply : replies) {
            claimed.add(new ClaimedEntry(layout.fromClaim(texts((List<?>) reply)), claimer, token, leaseUntil));
        }
        claimed.sort(Comparator.comparing((ClaimedEntry c) -> c.entry().nextAttemptAt()).thenComparing(ClaimedEntry::id));
        return claimed;
    }

    /** A script's list of bulk strings (or nils) as text. */
    private static List<String> texts(List<?> replies) {
        List<String> texts = new ArrayList<>(replies.size());
        for (Object reply : replies) {
            texts.add(reply == null ? null : text(reply));
        }
        return texts;
    }

    private static String text(Object reply) {
        return reply instanceof byte[] bytes ? new String(bytes, java.nio.charset.StandardCharsets.UTF_8)
                : String.valueOf(reply);
    }

    /** One script for the whole batch, delivery log included. */
    @Override
    public List<SettlementResult> settle(List<OutboxSettlement> settlements) {
        if (settlements.isEmpty()) {
            return List.of();
        }
        Instant now = redis.now();
        List<String> args = new ArrayList<>(6 + 9 * settlements.size());
        args.addAll(List.of(OutboxLayout.GROUP, layout.entryPrefix(), layout.statePrefix(), layout.attemptsPrefix(),
                layout.ticketPrefix(), Long.toString(now.toEpochMilli())));
        for (OutboxSettlement settlement : settlements) {
            args.addAll(arguments(settlement, now));
        }
        Object replies = redis.call(jedis -> SETTLE.run(jedis, List.of(layout.stream(), layout.leases(),
                layout.scheduled(), layout.state(OutboxState.PENDING)), args));
        List<?> codes = (List<?>) replies;
        List<SettlementResult> results = new ArrayList<>(settlements.size());
        for (int i = 0; i < settlements.size(); i++) {
            long code = (Long) codes.get(i);
            results.add(new SettlementResult(settlements.get(i).claimed().id(), code > 0, code == 2));
        }
        return results;
    }

    private List<String> arguments(OutboxSettlement settlement, Instant now) {
        ClaimedEntry claimed = settlement.claimed();
        Resolution resolution = settlement.resolution();
        OutboxState target = OutboxState.PENDING;
        Optional<String> error = Optional.empty();
        Instant next = now;
        boolean counted = true;
        if (resolution instanceof Resolution.Delivered) {
            target = OutboxState.DELIVERED;
        } else if (resolution instanceof Resolution.Dead dead) {
            target = OutboxState.DEAD;
            error = Optional.of(dead.error());
        } else if (resolution instanceof Resolution.RetryAt retry) {
            error = Optional.of(retry.error());
            next = retry.next();
        } else {
            next = ((Resolution.Postponed) resolution).next();
            counted = false;
        }
        String attempt = settlement.attempt().map(redis::write).orElse("");
        return List.of(claimed.id(), claimed.token(), target.name(), error.isPresent() ? "1" : "0", error.orElse(""),
                IsoInstants.format(next), Long.toString(RedisConnection.ceilMillis(next)), counted ? "1" : "0", attempt);
    }

    @Override
    public int replay(ReplaySelection selection) {
        List<String> candidates;
        if (selection instanceof ReplaySelection.One one) {
            candidates = List.of(one.entryId());
        } else if (selection instanceof ReplaySelection.Destination d) {
            candidates = deadIds(e -> e.destinationId().equals(d.destinationId()));
        } else if (selection instanceof ReplaySelection.Since s) {
            candidates = deadIds(e -> !e.createdAt().isBefore(s.since()));
        } else {
            throw new IllegalArgumentException("unknown replay selection " + selection.getClass().getName());
        }
        String now = redis.now().toString();
        return redis.call(jedis -> {
            int replayed = 0;
            for (String id : candidates) {
                Object done = REPLAY.run(jedis, List.of(layout.entry(id), layout.stream(),
                        layout.state(OutboxState.DEAD), layout.state(OutboxState.PENDING)),
                        List.of(id, now, OutboxLayout.GROUP));
                replayed += Long.valueOf(1).equals(done) ? 1 : 0;
            }
            return replayed;
        });
    }

    private List<String> deadIds(java.util.function.Predicate<OutboxEntry> keep) {
        return redis.call(jedis -> fetch(jedis, jedis.zrange(layout.state(OutboxState.DEAD), 0, -1))).stream()
                .filter(e -> e != null && keep.test(e))
                .map(OutboxEntry::id)
                .toList();
    }

    @Override
    public Optional<OutboxEntry> find(String entryId) {
        return layout.fromHash(entryId, redis.call(jedis -> jedis.hgetAll(layout.entry(entryId))));
    }

    @Override
    public List<OutboxEntry> query(OutboxQuery query) {
        String index = query.destinationId().map(layout::destination)
                .or(() -> query.state().map(layout::state))
                .orElse(layout.all());
        return redis.call(jedis -> IndexWalk.collect(jedis, index, IndexWalk.TOP, IndexWalk.BOTTOM, 0, query.limit(),
                ids -> fetch(jedis, ids),
                e -> query.destinationId().map(e.destinationId()::equals).orElse(true)
                        && query.state().map(s -> s == e.state()).orElse(true)));
    }

    @Override
    public List<OutboxEntry> forTicket(String ticketId) {
        return redis.call(jedis -> fetch(jedis, jedis.lrange(layout.ticket(ticketId), 0, -1))).stream()
                .filter(java.util.Objects::nonNull)
                .toList();
    }

    /** The entries of these ids in one round trip, {@code null} where one is missing. */
    private List<OutboxEntry> fetch(Jedis jedis, List<String> ids) {
        Pipeline pipeline = jedis.pipelined();
        List<Response<Map<String, String>>> hashes = ids.stream().map(id -> pipeline.hgetAll(layout.entry(id))).toList();
        pipeline.sync();
        List<OutboxEntry> entries = new ArrayList<>(ids.size());
        for (int i = 0; i < ids.size(); i++) {
            entries.add(layout.fromHash(ids.get(i), hashes.get(i).get()).orElse(null));
        }
        return entries;
    }

    @Override
    public OutboxDepth depth() {
        return redis.call(jedis -> {
            Pipeline pipeline = jedis.pipelined();
            Response<Long> pending = pipeline.zcard(layout.state(OutboxState.PENDING));
            Response<Long> dead = pipeline.zcard(layout.state(OutboxState.DEAD));
            Response<Long> delivered = pipeline.zcard(layout.state(OutboxState.DELIVERED));
            pipeline.sync();
            return new OutboxDepth(pending.get(), dead.get(), delivered.get());
        });
    }

    @Override
    public void recordAttempt(DeliveryAttempt attempt) {
        String json = redis.write(attempt);
        redis.call(jedis -> jedis.rpush(layout.attempts(attempt.entryId()), json));
    }

    @Override
    public List<DeliveryAttempt> attempts(String entryId) {
        return redis.call(jedis -> jedis.lrange(layout.attempts(entryId), 0, -1)).stream()
                .map(json -> redis.read(json, DeliveryAttempt.class))
                .toList();
    }
}
