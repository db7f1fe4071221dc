package org.hth.hotline.core.store.redis;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.hth.hotline.core.call.CallRecord;
import org.hth.hotline.core.store.StoreException;
import org.hth.hotline.core.store.internal.CallRollupFields;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.params.SetParams;
import redis.clients.jedis.resps.ScanResult;

/**
 * Builds the call rollup once for the records saved before it existed. The rollup is known complete when the key
 * {@code calls:rollup:built} exists: every store opening checks it, and when it is missing, one node (the holder of
 * the lock key {@code calls:rollup:lock}) drops any partial rollup, adds up every record of {@code calls:by-start}
 * and sets the marker; a node opening meanwhile waits for the marker before it writes anything. A store with no
 * call yet only sets the marker. Records must not be saved by a hotline older than the rollup while it is built
 * (stop the old nodes before starting the new ones). Blocking; runs on the thread that opens the store.
 */
final class RedisRollupBuilder {
    private static final Logger LOG = LoggerFactory.getLogger(RedisRollupBuilder.class);
    private static final int BATCH = 1_000;
    private static final Duration LOCK = Duration.ofMinutes(2);
    private static final Duration WAIT = Duration.ofMinutes(30);
    private static final Duration POLL = Duration.ofMillis(200);

    private final RedisConnection redis;
    private final String marker;
    private final String lock;

    RedisRollupBuilder(RedisConnection redis) {
        this.redis = redis;
        this.marker = redis.key("calls", "rollup", "built");
        this.lock = redis.key("calls", "rollup", "lock");
    }

    /**
     * Returns once the rollup is complete: at once when the marker is there, else after building it or after
     * another node has.
     *
     * @return how many records this call added up (0 when it built nothing)
     */
    long ensure() {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            if (built()) {
                return 0;
            }
            String token = UUID.randomUUID().toString();
            boolean mine = "OK".equals(redis.call(jedis -> jedis.set(lock, token,
                    SetParams.setParams().nx().px(LOCK.toMillis()))));
            if (mine) {
                try {
                    return built() ? 0 : build(token);
                } finally {
                    redis.call(jedis -> token.equals(jedis.get(lock)) ? jedis.del(lock) : 0L);
                }
            }
            if (System.nanoTime() > deadline) {
                throw new StoreException("the call rollup in Redis at " + redis.where()
                        + " is still being built by another node after " + WAIT.toMinutes() + " minutes");
            }
            pause();
        }
    }

    private boolean built() {
        return redis.call(jedis -> jedis.exists(marker));
    }

    private long build(String token) {
        long start = System.nanoTime();
        String byStart = redis.key("calls", "by-start");
        long total = redis.call(jedis -> jedis.zcard(byStart));
        if (total > 0) {
            LOG.info("Redis at {}: building the call rollup from {} call records", redis.where(), total);
        }
        dropPartialRollup();
        long added = 0;
        for (long offset = 0; ; offset += BATCH) {
            long from = offset;
            List<String> ids = redis.call(jedis -> jedis.zrange(byStart, from, from + BATCH - 1));
            if (ids.isEmpty()) {
                break;
            }
            added += redis.call(jedis -> addUp(jedis, ids));
            redis.call(jedis -> jedis.pexpire(lock, LOCK.toMillis()));
            if (!token.equals(redis.call(jedis -> jedis.get(lock)))) {
                throw new StoreException("lost the lock on building the call rollup in Redis at " + redis.where());
            }
        }
        redis.call(jedis -> jedis.set(marker, "1"));
        if (total > 0) {
            LOG.info("Redis at {}: built the call rollup from {} call records in {} ms", redis.where(), added,
                    (System.nanoTime() - start) / 1_000_000);
        }
        return added;
    }

    /** Adds one batch of records to the rollup, in one script call. */
    private long addUp(Jedis jedis, List<String> ids) {
        List<String> jsons = jedis.mget(ids.stream().map(id -> redis.key("call", id)).toArray(String[]::new));
        Map<Long, Map<String, Long>> deltas = new TreeMap<>();
        long added = 0;
        for (String json : jsons) {
            if (json != null) {
                CallRollupFields.add(deltas, redis.read(json, CallRecord.class), 1);
                added++;
            }
        }
        RollupChange change = RollupChange.of(redis, deltas);
        if (!change.keys().isEmpty()) {
            RollupChange.SCRIPT.run(jedis, change.keys(), change.args());
        }
        return added;
    }

    private void dropPartialRollup() {
        String pattern = RedisCallStore.rollupKey(redis, 0).replaceFirst("0$", "*");
        redis.call(jedis -> {
            ScanParams params = new ScanParams().match(pattern).count(1000);
            String cursor = ScanParams.SCAN_POINTER_START;
            do {
                ScanResult<String> page = jedis.scan(cursor, params);
                if (!page.getResult().isEmpty()) {
                    jedis.del(page.getResult().toArray(String[]::new));
                }
                cursor = page.getCursor();
            } while (!ScanParams.SCAN_POINTER_START.equals(cursor));
            return null;
        });
    }

    private static void pause() {
        try {
            Thread.sleep(POLL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted while waiting for the call rollup to be built", e);
        }
    }
}
