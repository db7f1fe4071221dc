package org.hth.hotline.core.config;

import java.util.Objects;

/**
 * The agent-console HTTP server ({@code console:} in YAML).
 *
 * @param host      address to listen on; default {@code 127.0.0.1} (behind the reverse proxy)
 * @param port      TCP port; default 8080
 * @param publicUrl the absolute URL users and destinations reach the console at (used in links and the
 *                  webhook {@code statusUrl}); default {@code http://localhost:8080}
 */
public record ConsoleConfig(String host, int port, String publicUrl) {
    public ConsoleConfig {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(publicUrl, "publicUrl");
    }
}
