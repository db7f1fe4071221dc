package org.hth.hotline.core.store.redis;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

import org.hth.hotline.core.store.AuditStore;
import org.hth.hotline.core.store.CallStore;
import org.hth.hotline.core.store.OutboxStore;
import org.hth.hotline.core.store.RosterStore;
import org.hth.hotline.core.store.Store;
import org.hth.hotline.core.store.StoreException;
import org.hth.hotline.core.store.TicketStore;
import org.hth.hotline.core.store.UserStore;

/**
 * The store on Redis (Jedis), for production and for several nodes sharing one Redis. Every key lives
 * under one prefix (e.g. {@code hotline:}); records are JSON; the outbox is a Redis Stream read through a
 * consumer group. Leases and schedules follow the injected {@link Clock}, never Redis's own time.
 * Thread-safe: one instance serves every thread, each call borrowing a pooled connection. Blocking: call
 * it from a worker thread, never from an event loop.
 */
public final class RedisStore implements Store {
    private final RedisConnection redis;
    private final CallStore calls;
    private final RosterStore roster;
    private final TicketStore tickets;
    private final OutboxStore outbox;
    private final UserStore users;
    private final AuditStore audit;

    private RedisStore(RedisConnection redis) {
        this.redis = redis;
        OutboxLayout layout = new OutboxLayout(redis);
        this.calls = new RedisCallStore(redis);
        this.roster = new RedisRosterStore(redis);
        this.tickets = new RedisTicketStore(redis, layout);
        this.outbox = new RedisOutboxStore(redis, layout);
        this.users = new RedisUserStore(redis);
        this.audit = new RedisAuditStore(redis);
    }

    /**
     * Connects to {@code redis://[:password@]host:port[/db]} or {@code rediss://…} (TLS) and checks that it
     * answers.
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
        } catch (StoreException e) {
            redis.close();
            throw e;
        }
        return store;
    }

    @Override
    public CallStore calls() {
        return calls;
    }

    @Override
    public RosterStore roster() {
        return roster;
    }

    @Override
    public TicketStore tickets() {
        return tickets;
    }

    @Override
    public OutboxStore outbox() {
        return outbox;
    }

    @Override
    public UserStore users() {
        return users;
    }

    @Override
    public AuditStore audit() {
        return audit;
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
