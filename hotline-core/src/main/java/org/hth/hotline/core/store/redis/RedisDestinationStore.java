package org.hth.hotline.core.store.redis;

import java.util.Comparator;
import java.util.List;

import org.hth.hotline.core.destination.DestinationOverride;
import org.hth.hotline.core.store.DestinationStore;

/**
 * The coordinators' changes to destinations in Redis: the hash {@code destination-overrides}, field = destination
 * id, value = the change's JSON. Thread-safe.
 */
final class RedisDestinationStore implements DestinationStore {
    private static final String HASH = "destination-overrides";
    private final RedisConnection redis;

    RedisDestinationStore(RedisConnection redis) {
        this.redis = redis;
    }

    @Override
    public void saveOverride(DestinationOverride override) {
        String json = redis.write(override);
        redis.call(jedis -> jedis.hset(redis.key(HASH), override.destinationId(), json));
    }

    @Override
    public boolean removeOverride(String destinationId) {
        return redis.call(jedis -> jedis.hdel(redis.key(HASH), destinationId)) > 0;
    }

    @Override
    public List<DestinationOverride> overrides() {
        return redis.call(jedis -> jedis.hvals(redis.key(HASH))).stream()
                .map(json -> redis.read(json, DestinationOverride.class))
                .sorted(Comparator.comparing(DestinationOverride::destinationId))
                .toList();
    }
}
