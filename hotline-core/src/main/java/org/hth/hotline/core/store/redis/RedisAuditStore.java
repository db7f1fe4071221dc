package org.hth.hotline.core.store.redis;

import java.util.ArrayList;
import java.util.List;

import org.hth.hotline.core.audit.AuditEntry;
import org.hth.hotline.core.audit.AuditQuery;
import org.hth.hotline.core.store.AuditStore;
import redis.clients.jedis.Jedis;

/**
 * The audit log in Redis, append-only: each entry's JSON in the hash {@code audit:entries} under a
 * sequence number from {@code audit:seq}, indexed by time (whole microseconds) in {@code audit:by-time}
 * and per user in {@code audit:user:<name>}; one Lua script appends all of it at once. Thread-safe.
 */
final class RedisAuditStore implements AuditStore {
    private static final LuaScript APPEND = LuaScript.load("audit-append.lua");
    private final RedisConnection redis;

    RedisAuditStore(RedisConnection redis) {
        this.redis = redis;
    }

    @Override
    public void append(AuditEntry entry) {
        String json = redis.write(entry);
        redis.call(jedis -> APPEND.run(jedis,
                List.of(redis.key("audit", "seq"), redis.key("audit", "entries"), redis.key("audit", "by-time"),
                        redis.key("audit", "user", entry.user())),
                List.of(json, Long.toString(RedisConnection.micros(entry.at())))));
    }

    @Override
    public List<AuditEntry> query(AuditQuery query) {
        String index = query.user().map(u -> redis.key("audit", "user", u)).orElse(redis.key("audit", "by-time"));
        String min = query.from().map(f -> Long.toString(RedisConnection.micros(f))).orElse(IndexWalk.BOTTOM);
        String max = query.to().map(t -> Long.toString(RedisConnection.micros(t))).orElse(IndexWalk.TOP);
        return redis.call(jedis -> IndexWalk.collect(jedis, index, max, min, 0, query.limit(),
                ids -> fetch(jedis, ids), entry -> matches(query, entry)));
    }

    private List<AuditEntry> fetch(Jedis jedis, List<String> ids) {
        List<AuditEntry> entries = new ArrayList<>(ids.size());
        for (String json : jedis.hmget(redis.key("audit", "entries"), ids.toArray(String[]::new))) {
            entries.add(json == null ? null : redis.read(json, AuditEntry.class));
        }
        return entries;
    }

    private static boolean matches(AuditQuery query, AuditEntry entry) {
        return query.from().map(f -> !entry.at().isBefore(f)).orElse(true)
                && query.to().map(t -> entry.at().isBefore(t)).orElse(true)
                && query.user().map(entry.user()::equals).orElse(true);
    }
}
