package org.hth.hotline.dispatcher;

import java.time.Duration;

import org.hth.hotline.core.store.Store;
import org.hth.hotline.core.store.redis.RedisStore;
import org.hth.hotline.core.testing.RedisExtension;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The dispatcher scenarios on Redis ({@code HOTLINE_TEST_REDIS_URL}), a fresh key prefix per test. */
class RedisDispatcherIT extends AbstractDispatcherIT {
    @RegisterExtension
    final RedisExtension redis = new RedisExtension();

    @Override
    protected Store openStore() {
        return RedisStore.open(redis.url(), Duration.ofSeconds(5), redis.keyPrefix(), clock);
    }
}
