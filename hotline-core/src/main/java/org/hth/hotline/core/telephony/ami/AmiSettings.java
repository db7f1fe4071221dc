package org.hth.hotline.core.telephony.ami;

import java.time.Duration;
import java.util.Objects;

/**
 * Where and how to reach Asterisk's manager interface. {@link #toString()} hides the secret.
 *
 * @param host           e.g. {@code 127.0.0.1}
 * @param port           e.g. {@code 5038}
 * @param username       the AMI user of {@code manager.conf}
 * @param secret         its secret
 * @param connectTimeout for the TCP connect and for each reply during login
 * @param reconnectMin   the first wait after a failure; doubled after each further failure
 * @param reconnectMax   the longest wait between two attempts
 * @param pingInterval   how often a {@code Ping} checks that a quiet connection is still alive
 */
public record AmiSettings(String host, int port, String username, String secret, Duration connectTimeout,
                          Duration reconnectMin, Duration reconnectMax, Duration pingInterval) {
    public AmiSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(secret, "secret");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(reconnectMin, "reconnectMin");
        Objects.requireNonNull(reconnectMax, "reconnectMax");
        Objects.requireNonNull(pingInterval, "pingInterval");
        if (reconnectMin.isNegative() || reconnectMin.isZero() || reconnectMax.compareTo(reconnectMin) < 0) {
            throw new IllegalArgumentException("need 0 < reconnectMin <= reconnectMax");
        }
    }

    /** {@code host:port}, as the health check and the logs name it. */
    public String address() {
        return host + ":" + port;
    }

    @Override
    public String toString() {
        return "AmiSettings[" + username + "@" + address() + "]";
    }
}
