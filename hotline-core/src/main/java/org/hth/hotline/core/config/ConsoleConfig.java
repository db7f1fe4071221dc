package org.hth.hotline.core.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The agent-console HTTP server ({@code console:} in YAML).
 *
 * @param host               address to listen on; default {@code 127.0.0.1} (behind the reverse proxy)
 * @param port               TCP port; default 8080
 * @param publicUrl          the absolute URL users and destinations reach the console at (used in links, the
 *                           webhook {@code statusUrl}, the WebSocket origin check and the cookie's Secure flag);
 *                           default {@code http://localhost:8080}
 * @param sessionIdleTimeout a session ends after this long without activity; default 30 min
 * @param sessionMaxAge      a session ends at the latest this long after login; default 12 h
 * @param loginMaxFailures   failed logins per user name before a lock-out; default 5
 * @param loginLockout       how long a lock-out lasts (and the window failures are counted in); default 15 min
 * @param tlsCertFile        PEM certificate chain, when the console serves HTTPS itself
 * @param tlsKeyFile         PEM private key, present exactly when {@code tlsCertFile} is
 */
public record ConsoleConfig(String host, int port, String publicUrl, Duration sessionIdleTimeout,
                            Duration sessionMaxAge, int loginMaxFailures, Duration loginLockout,
                            Optional<Path> tlsCertFile, Optional<Path> tlsKeyFile) {
    public ConsoleConfig {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(publicUrl, "publicUrl");
        Objects.requireNonNull(sessionIdleTimeout, "sessionIdleTimeout");
        Objects.requireNonNull(sessionMaxAge, "sessionMaxAge");
        Objects.requireNonNull(loginLockout, "loginLockout");
        Objects.requireNonNull(tlsCertFile, "tlsCertFile");
        Objects.requireNonNull(tlsKeyFile, "tlsKeyFile");
    }

    /** The given address with the built-in defaults for sessions and log-in, and no TLS. */
    public ConsoleConfig(String host, int port, String publicUrl) {
        this(host, port, publicUrl, Duration.ofMinutes(30), Duration.ofHours(12), 5, Duration.ofMinutes(15),
                Optional.empty(), Optional.empty());
    }

    /** Whether the console serves HTTPS itself. */
    public boolean tls() {
        return tlsCertFile.isPresent() && tlsKeyFile.isPresent();
    }
}
