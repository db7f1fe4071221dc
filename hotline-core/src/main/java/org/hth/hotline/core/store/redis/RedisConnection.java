package org.hth.hotline.core.store.redis;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.hth.hotline.core.store.StoreException;
import org.hth.hotline.core.store.internal.StoreJson;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;
import redis.clients.jedis.JedisPoolConfig;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisException;

/**
 * The pool of connections to one Redis, the key prefix, the clock and the JSON mapping that every
 * sub-store shares. Thread-safe: the pool hands each call its own connection.
 *
 * <p>Jedis 8 deprecates {@link JedisPool} in favour of {@code RedisClient}, but the optimistic
 * transactions here ({@code WATCH}, reads, then {@code MULTI/EXEC} on one connection) need a connection
 * of their own, which the pool's {@link Jedis} gives plainly: hence this class's one suppression.
 */
@SuppressWarnings("deprecation")
final class RedisConnection implements AutoCloseable {
    private final JedisPool pool;
    private final String where;
    private final String secret;
    private final String prefix;
    private final Clock clock;
    private final ObjectMapper json = StoreJson.mapper();

    private RedisConnection(JedisPool pool, String where, String secret, String prefix, Clock clock) {
        this.pool = pool;
        this.where = where;
        this.secret = secret;
        this.prefix = prefix;
        this.clock = clock;
    }

    /** Opens a pool on {@code redis://[:password@]host:port[/db]} or {@code rediss://…}; does not ping. */
    static RedisConnection open(URI url, Duration timeout, String prefix, Clock clock) {
        String scheme = url.getScheme();
        if (!"redis".equals(scheme) && !"rediss".equals(scheme)) {
            throw new StoreException("Redis URL must start with redis:// or rediss://, was " + redacted(url));
        }
        if (url.getHost() == null) {
            throw new StoreException("Redis URL " + redacted(url) + " names no host");
        }
        JedisPoolConfig config = new JedisPoolConfig();
        config.setMaxTotal(32);
        config.setMaxIdle(32);
        config.setJmxEnabled(false);
        JedisPool pool = new JedisPool(config, url, Math.toIntExact(timeout.toMillis()));
        return new RedisConnection(pool, redacted(url), password(url), prefix, clock);
    }

    /** The URL without user information (no password) and without query. */
    static String redacted(URI url) {
        int port = url.getPort() < 0 ? 6379 : url.getPort();
        String path = url.getPath() == null || url.getPath().isEmpty() || "/".equals(url.getPath()) ? "" : url.getPath();
        return url.getScheme() + "://" + url.getHost() + ":" + port + path;
    }

    private static String password(URI url) {
        String info = url.getUserInfo();
        if (info == null) {
            return "";
        }
        int colon = info.indexOf(':');
        return colon < 0 ? info : info.substring(colon + 1);
    }

    /** Runs one operation on a pooled connection; Jedis failures become {@link StoreException}s. */
    <T> T call(Function<Jedis, T> operation) {
        try (Jedis jedis = pool.getResource()) {
            return operation.apply(jedis);
        } catch (JedisException e) {
            throw failure(e instanceof JedisConnectionException ? "does not answer" : "refused an operation", e);
        }
    }

    /** A failure naming the URL (never the password) and the root cause. */
    StoreException failure(String what, Throwable cause) {
        Throwable root = cause;
        while (true) {
            if (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            } else if (root.getSuppressed().length > 0) {
                root = root.getSuppressed()[0]; // Jedis keeps each address's failure as a suppressed one
            } else {
                break;
            }
        }
        String reason = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        if (!secret.isEmpty()) {
            reason = reason.replace(secret, "***");
        }
        return new StoreException("Redis at " + where + " " + what + ": " + reason, cause);
    }

    String where() {
        return where;
    }

    String prefix() {
        return prefix;
    }

    /** A key under this store's prefix: {@code prefix + part + ':' + part …}. */
    String key(String... parts) {
        return prefix + String.join(":", parts);
    }

    Instant now() {
        return clock.instant();
    }

    String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new StoreException("cannot write a " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    <T> T read(String text, Class<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            // no content in the message: records hold notes, summaries, pseudonyms
            throw new StoreException("cannot read a stored " + type.getSimpleName() + ": "
                    + e.getClass().getSimpleName() + " at " + e.getLocation());
        }
    }

    /** Whole microseconds since the epoch, rounded down: the score of time indexes (exact in a double). */
    static long micros(Instant at) {
        return Math.addExact(Math.multiplyExact(at.getEpochSecond(), 1_000_000L), at.getNano() / 1_000);
    }

    /** Milliseconds since the epoch, rounded up. */
    static long ceilMillis(Instant at) {
        long floor = at.toEpochMilli();
        return at.getNano() % 1_000_000 == 0 ? floor : floor + 1;
    }

    @Override
    public void close() {
        pool.close();
    }
}
