package org.hth.hotline.core.store.redis;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

import org.hth.hotline.core.call.CallRecord;
import org.hth.hotline.core.referral.Ticket;
import org.hth.hotline.core.retention.Anonymised;
import org.hth.hotline.core.retention.Erasure;
import org.hth.hotline.core.store.RetentionStore;
import org.hth.hotline.core.store.StoreException;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Protocol;
import redis.clients.jedis.Transaction;
import redis.clients.jedis.params.ZRangeParams;

/**
 * Retention on Redis: walks {@code calls:by-start} and {@code tickets:by-created} up to the cutoff in batches,
 * and rewrites each record {@link Erasure} changes under {@code WATCH}, so a record saved meanwhile is read
 * again rather than overwritten. A call losing its pseudonym leaves its {@code calls:caller:<pseudonym>} index.
 * Thread-safe.
 */
final class RedisRetentionStore implements RetentionStore {
    private static final int BATCH = 500;
    private static final int WATCH_RETRIES = 50;

    private final RedisConnection redis;

    RedisRetentionStore(RedisConnection redis) {
        this.redis = redis;
    }

    @Override
    public Anonymised anonymiseBefore(Instant cutoff) {
        String below = "(" + RedisConnection.micros(cutoff);
        int calls = walk(redis.key("calls", "by-start"), below, id -> anonymiseCall(id, cutoff));
        int tickets = walk(redis.key("tickets", "by-created"), below,
                id -> rewriteTicket(id, t -> Erasure.anonymised(t, cutoff)));
        return new Anonymised(calls, tickets);
    }

    @Override
    public int eraseExpiredCallbackNumbers(Instant now) {
        return walk(redis.key("tickets", "by-created"), "+inf",
                id -> rewriteTicket(id, t -> Erasure.withoutExpiredNumber(t, now)));
    }

    @Override
    public boolean eraseCallbackNumber(String ticketId) {
        return rewriteTicket(ticketId, Erasure::withoutNumber);
    }

    /** Applies {@code change} to every member of {@code index} scored below {@code max}; counts the changed ones. */
    private int walk(String index, String max, Predicate<String> change) {
        int changed = 0;
        for (int offset = 0; ; offset += BATCH) {
            int from = offset;
            List<String> ids = redis.call(jedis -> jedis.zrange(index,
                    new ZRangeParams(Protocol.Keyword.BYSCORE, IndexWalk.BOTTOM, max).limit(from, BATCH)));
            for (String id : ids) {
                if (change.test(id)) {
                    changed++;
                }
            }
            if (ids.size() < BATCH) {
                return changed;
            }
        }
    }

    private boolean anonymiseCall(String callId, Instant cutoff) {
        String key = redis.key("call", callId);
        return redis.call(jedis -> {
            for (int i = 0; i < WATCH_RETRIES; i++) {
                jedis.watch(key);
                Optional<CallRecord> old = read(jedis, key, CallRecord.class);
                Optional<CallRecord> kept = old.flatMap(c -> Erasure.anonymised(c, cutoff));
                if (kept.isEmpty()) {
                    jedis.unwatch();
                    return false;
                }
                Transaction tx = jedis.multi();
                tx.set(key, redis.write(kept.get()));
                old.get().callerPseudonym().ifPresent(p -> tx.zrem(redis.key("calls", "caller", p), callId));
                if (tx.exec() != null) {
                    return true;
                }
            }
            throw new StoreException("call " + callId + " kept changing while it was anonymised");
        });
    }

    private boolean rewriteTicket(String ticketId, Function<Ticket, Optional<Ticket>> change) {
        String key = redis.key("ticket", ticketId);
        return redis.call(jedis -> {
            for (int i = 0; i < WATCH_RETRIES; i++) {
                jedis.watch(key);
                Optional<Ticket> kept = read(jedis, key, Ticket.class).flatMap(change);
                if (kept.isEmpty()) {
                    jedis.unwatch();
                    return false;
                }
                Transaction tx = jedis.multi();
                tx.set(key, redis.write(kept.get()));
                if (tx.exec() != null) {
                    return true;
                }
            }
            throw new StoreException("ticket " + ticketId + " kept changing while its personal data was erased");
        });
    }

    private <T> Optional<T> read(Jedis jedis, String key, Class<T> type) {
        return Optional.ofNullable(jedis.get(key)).map(json -> redis.read(json, type));
    }
}
