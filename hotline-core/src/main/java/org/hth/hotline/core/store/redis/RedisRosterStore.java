package org.hth.hotline.core.store.redis;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.hth.hotline.core.roster.Presence;
import org.hth.hotline.core.roster.RosterVersion;
import org.hth.hotline.core.store.RosterStore;
import org.hth.hotline.core.store.StoreException;
import redis.clients.jedis.Transaction;

/**
 * The roster in Redis: the current version number at {@code roster:current}, every version's JSON in the
 * hash {@code roster:versions} (field = version number), each operator's presence JSON in the hash
 * {@code presence}. A save bumps the number and writes the version in one optimistic transaction.
 * Thread-safe.
 */
final class RedisRosterStore implements RosterStore {
    private static final int WATCH_RETRIES = 50;
    private final RedisConnection redis;

    RedisRosterStore(RedisConnection redis) {
        this.redis = redis;
    }

    @Override
    public RosterVersion save(String document, String savedBy, Instant at) {
        String current = redis.key("roster", "current");
        String versions = redis.key("roster", "versions");
        return redis.call(jedis -> {
            for (int i = 0; i < WATCH_RETRIES; i++) {
                jedis.watch(current);
                String number = jedis.get(current);
                long next = number == null ? 1 : Long.parseLong(number) + 1;
                RosterVersion version = new RosterVersion(next, at, savedBy, document);
                Transaction tx = jedis.multi();
                tx.set(current, Long.toString(next));
                tx.hset(versions, Long.toString(next), redis.write(version));
                if (tx.exec() != null) {
                    return version;
                }
            }
            throw new StoreException("the roster kept changing while it was saved");
        });
    }

    @Override
    public Optional<RosterVersion> current() {
        return redis.call(jedis -> {
            String number = jedis.get(redis.key("roster", "current"));
            return Optional.ofNullable(number == null ? null : jedis.hget(redis.key("roster", "versions"), number))
                    .map(json -> redis.read(json, RosterVersion.class));
        });
    }

    @Override
    public List<RosterVersion> history(int limit) {
        return redis.call(jedis -> {
            String number = jedis.get(redis.key("roster", "current"));
            long newest = number == null ? 0 : Long.parseLong(number);
            List<String> fields = new ArrayList<>();
            for (long v = newest; v >= 1 && fields.size() < limit; v--) {
                fields.add(Long.toString(v));
            }
            if (fields.isEmpty()) {
                return List.<RosterVersion>of();
            }
            return jedis.hmget(redis.key("roster", "versions"), fields.toArray(String[]::new)).stream()
                    .filter(java.util.Objects::nonNull)
                    .map(json -> redis.read(json, RosterVersion.class))
                    .toList();
        });
    }

    @Override
    public void setPresence(Presence presence) {
        String json = redis.write(presence);
        redis.call(jedis -> jedis.hset(redis.key("presence"), presence.operatorId(), json));
    }

    @Override
    public Optional<Presence> presence(String operatorId) {
        return Optional.ofNullable(redis.call(jedis -> jedis.hget(redis.key("presence"), operatorId)))
                .map(json -> redis.read(json, Presence.class));
    }

    @Override
    public List<Presence> allPresence() {
        return redis.call(jedis -> jedis.hvals(redis.key("presence"))).stream()
                .map(json -> redis.read(json, Presence.class))
                .toList();
    }
}
