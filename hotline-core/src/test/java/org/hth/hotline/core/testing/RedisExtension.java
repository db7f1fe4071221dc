package org.hth.hotline.core.testing;

import java.net.URI;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

/**
 * A Redis server for a test: its URL comes from the system property {@code hotline.test.redis.url} or
 * the environment variable {@code HOTLINE_TEST_REDIS_URL}. Without either the test is skipped, unless
 * {@code CI} is set, where it fails: CI promised a Redis. Each test gets a fresh random key prefix, whose
 * keys are deleted after it. Use as an instance field with {@code @RegisterExtension}. Not thread-safe:
 * one per test instance.
 */
public final class RedisExtension implements BeforeEachCallback, AfterEachCallback {
    public static final String PROPERTY = "hotline.test.redis.url";
    public static final String ENVIRONMENT = "HOTLINE_TEST_REDIS_URL";

    private URI url;
    private String prefix;

    @Override
    public void beforeEach(ExtensionContext context) {
        Optional<String> configured = configuredUrl();
        if (configured.isEmpty()) {
            String missing = "no Redis for this test: set -D" + PROPERTY + " or " + ENVIRONMENT
                    + " (e.g. redis://127.0.0.1:6379)";
            if (System.getenv("CI") != null) {
                throw new IllegalStateException("Redis was expected on CI but is not configured: " + missing);
            }
            Assumptions.abort(missing);
        }
        url = URI.create(configured.get());
        prefix = "hotline-test-" + UUID.randomUUID().toString().replace("-", "").substring(0, 16) + ":";
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (url == null) {
            return;
        }
        try (Jedis jedis = new Jedis(url, 5_000)) {
            Set<String> keys = keys(jedis);
            if (!keys.isEmpty()) {
                jedis.del(keys.toArray(String[]::new));
            }
        }
    }

    /** The URL named by the property or the environment, if any (a blank or unexpanded value is none). */
    public static Optional<String> configuredUrl() {
        return Optional.ofNullable(System.getProperty(PROPERTY)).filter(RedisExtension::isUrl)
                .or(() -> Optional.ofNullable(System.getenv(ENVIRONMENT)).filter(RedisExtension::isUrl));
    }

    private static boolean isUrl(String value) {
        return !value.isBlank() && !value.contains("${");
    }

    public URI url() {
        return url;
    }

    /** This test's key prefix, e.g. {@code hotline-test-1f0c…:}. */
    public String keyPrefix() {
        return prefix;
    }

    /** Every key under this test's prefix. */
    public Set<String> keys() {
        try (Jedis jedis = new Jedis(url, 5_000)) {
            return keys(jedis);
        }
    }

    private Set<String> keys(Jedis jedis) {
        Set<String> keys = new HashSet<>();
        ScanParams params = new ScanParams().match(prefix + "*").count(1_000);
        String cursor = ScanParams.SCAN_POINTER_START;
        do {
            ScanResult<String> page = jedis.scan(cursor, params);
            keys.addAll(page.getResult());
            cursor = page.getCursor();
        } while (!ScanParams.SCAN_POINTER_START.equals(cursor));
        return keys;
    }
}
