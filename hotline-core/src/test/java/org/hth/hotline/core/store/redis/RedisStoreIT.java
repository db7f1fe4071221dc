package org.hth.hotline.core.store.redis;

import java.time.Duration;

import org.hth.hotline.core.store.AbstractStoreContractTest;
import org.hth.hotline.core.store.Store;
import org.hth.hotline.core.testing.MutableClock;
import org.hth.hotline.core.testing.RedisExtension;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The store contract against a real Redis, each test under its own key prefix. */
class RedisStoreIT extends AbstractStoreContractTest {
    @RegisterExtension
    final RedisExtension redis = new RedisExtension();

    @Override
    protected Store openStore(MutableClock clock) {
        return RedisStore.open(redis.url(), Duration.ofSeconds(5), redis.keyPrefix(), clock);
    }
}
