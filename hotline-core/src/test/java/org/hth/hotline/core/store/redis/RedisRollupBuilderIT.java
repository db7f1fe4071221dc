package org.hth.hotline.core.store.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.hth.hotline.core.call.CallRecord;
import org.hth.hotline.core.call.CallRollup;
import org.hth.hotline.core.referral.Territory;
import org.hth.hotline.core.store.Store;
import org.hth.hotline.core.testing.Fixtures;
import org.hth.hotline.core.testing.MutableClock;
import org.hth.hotline.core.testing.RedisExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import redis.clients.jedis.Jedis;

/** Data saved before the rollup existed gets it built once, when the store opens. */
class RedisRollupBuilderIT {
    private static final Instant T0 = Instant.parse("2026-10-24T20:00:00Z");
    private static final LocalDate FROM = LocalDate.parse("2026-10-24");
    private static final LocalDate TO = LocalDate.parse("2026-11-03");

    @RegisterExtension
    final RedisExtension redis = new RedisExtension();
    private final MutableClock clock = new MutableClock(T0);

    @Test
    void aStoreWithoutTheRollupBuildsItOnceFromItsRecords() {
        CallRollup written = writeAndForgetTheRollup();

        try (Store store = open()) {
            assertThat(store.calls().rollup(FROM, TO)).isEqualTo(written);
            store.calls().save(Fixtures.abandonedCall("late", T0, "ps-late"));
        }
        try (Store store = open()) {
            assertThat(store.calls().rollup(FROM, TO).calls()).isEqualTo(written.calls() + 1);
        }
    }

    @Test
    void aPartialRollupLeftWithoutTheMarkerIsBuiltAgainFromScratch() {
        CallRollup written = writeAndForgetTheRollup();
        try (Jedis jedis = new Jedis(redis.url())) {
            jedis.hincrBy(redis.keyPrefix() + "calls:rollup:day:" + FROM.toEpochDay(), "outcome:ANSWERED", 1000);
        }

        try (Store store = open()) {
            assertThat(store.calls().rollup(FROM, TO)).isEqualTo(written);
        }
    }

    @Test
    void nodesOpeningTogetherAllSeeTheRollupBuiltRight() throws Exception {
        CallRollup written = writeAndForgetTheRollup();
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<CallRollup>> nodes = new ArrayList<>();
            for (int n = 0; n < 3; n++) {
                nodes.add(pool.submit(() -> {
                    try (Store store = open()) {
                        return store.calls().rollup(FROM, TO);
                    }
                }));
            }
            for (Future<CallRollup> node : nodes) {
                assertThat(node.get(60, TimeUnit.SECONDS)).isEqualTo(written);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Saves a week of calls, reads their rollup, then deletes it and its marker as an older hotline had none. */
    private CallRollup writeAndForgetTheRollup() {
        CallRollup written;
        try (Store store = open()) {
            List<CallRecord> calls = new ArrayList<>();
            for (int i = 0; i < 1_500; i++) {
                Instant at = T0.plus(Duration.ofMinutes(7L * i));
                calls.add(i % 3 == 0 ? Fixtures.abandonedCall("c" + i, at, "ps-" + i % 11)
                        : Fixtures.answeredCall("c" + i, at, "op-" + i % 4, i % 2 == 0 ? "it" : "en",
                        Territory.values()[i % Territory.values().length]));
            }
            store.calls().saveAll(calls);
            written = store.calls().rollup(FROM, TO);
        }
        try (Jedis jedis = new Jedis(redis.url())) {
            for (String key : jedis.keys(redis.keyPrefix() + "calls:rollup:*")) {
                jedis.del(key);
            }
        }
        assertThat(written.calls()).isEqualTo(1_500);
        return written;
    }

    private Store open() {
        return RedisStore.open(redis.url(), Duration.ofSeconds(5), redis.keyPrefix(), clock);
    }
}
