package org.hth.hotline.core.store.redis;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

import org.hth.hotline.core.store.StoreException;
import org.hth.hotline.core.store.internal.ComposedStore;

/**
 * The store on Redis (Jedis), for production and for several nodes sharing one Redis. Every key lives
 * under one prefix (e.g. {@code hotline:}); records are JSON; the outbox is a Redis Stream read through a
 * consumer group. Leases and schedules follow the injected {@link Clock}, never Redis's own time.
 * Thread-safe: one instance serves every thread, each call borrowing a pooled connection. Blocking: call
 * it from a worker thread, never from an event loop.
 */
public final class RedisStore extends ComposedStore {
    private final RedisConnection redis;

    private RedisStore(RedisConnection redis, OutboxLayout layout) {
        super(new RedisCallStore(redis), new RedisRosterStore(redis), new RedisTicketStore(redis, layout),
                new RedisOutboxStore(redis, layout), new RedisUserStore(redis), new RedisAuditStore(redis),
                new RedisRetentionStore(redis), new RedisDestinationStore(redis));
        this.redis = redis;
    }

    private RedisStore(RedisConnection redis) {
        this(redis, new OutboxLayout(redis));
    }

    /**
     * Connects to {@code redis://[:password@]host:port[/db]} or {@code rediss://…} (TLS), checks that it
     * answers, and builds the call rollup when the data was written before it existed (see
     * {@code RedisRollupBuilder}: a one-time walk of the call records, or a wait while another node does it).
     *
     * @param timeout   connect and read timeout of each call
     * @param keyPrefix put before every key, e.g. {@code hotline:}
     * @param clock     the time of leases, schedules and replays
     * @throws StoreException naming the URL (never its password) when Redis does not answer
     */
    public static RedisStore open(URI url, Duration timeout, String keyPrefix, Clock clock) {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(keyPrefix, "keyPrefix");
        Objects.requireNonNull(clock, "clock");
        RedisConnection redis = RedisConnection.open(url, timeout, keyPrefix, clock);
        RedisStore store = new RedisStore(redis);
        try {
            store.ping();
            new RedisRollupBuilder(redis).ensure();
        } catch (StoreException e) {
            redis.close();
            throw e;
        }
        return store;
    }

    @Override
    public void ping() {
        redis.call(jedis -> jedis.ping());
    }

    @Override
    public String describe() {
        return "redis " + redis.where() + " prefix " + redis.prefix();
    }

    @Override
    public void close() {
        redis.close();
    }
}
