package org.hth.hotline.core.config;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * The Redis connection ({@code redis:} in YAML).
 *
 * @param url     {@code redis://host:port[/db]} or {@code rediss://…} for TLS;
 *                default {@code redis://127.0.0.1:6379}.
 *                May hold credentials ({@code redis://user:password@host}) only when set in {@code HOTLINE_REDIS_URL};
 *                {@link #toString()} hides them
 * @param timeout connect and command timeout; default 2 s
 */
public record RedisConfig(URI url, Duration timeout) {
    public RedisConfig {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(timeout, "timeout");
    }

    /** Like the record's own, with any credentials in the URL replaced by {@code ***}. */
    @Override
    public String toString() {
        String userInfo = url.getRawUserInfo();
        String shown = userInfo == null ? url.toString() : url.toString().replace(userInfo, "***");
        return "RedisConfig[url=" + shown + ", timeout=" + timeout + "]";
    }
}
