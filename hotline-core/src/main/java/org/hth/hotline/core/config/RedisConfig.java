package org.hth.hotline.core.config;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * The Redis connection ({@code redis:} in YAML).
 *
 * @param url     {@code redis://host:port[/db]} or {@code rediss://…} for TLS; default {@code redis://127.0.0.1:6379}
 * @param timeout connect and command timeout; default 2 s
 */
public record RedisConfig(URI url, Duration timeout) {
    public RedisConfig {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(timeout, "timeout");
    }
}
