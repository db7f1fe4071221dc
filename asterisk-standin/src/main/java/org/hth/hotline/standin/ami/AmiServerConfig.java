package org.hth.hotline.standin.ami;

import java.time.Duration;
import java.util.Objects;

/**
 * How the stand-in's AMI server listens and whom it lets in.
 *
 * @param host           address to bind
 * @param port           port to bind; 0 picks a free one
 * @param username       the one AMI user
 * @param secret         its secret
 * @param badLoginDelay  how long a wrong {@code Login} waits before its error (Asterisk: about 1 s)
 * @param maxLineLength  longest accepted line from a client
 */
public record AmiServerConfig(String host, int port, String username, String secret, Duration badLoginDelay,
                              int maxLineLength) {
    public AmiServerConfig {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(secret, "secret");
        Objects.requireNonNull(badLoginDelay, "badLoginDelay");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
    }

    /** Loopback, a free port, Asterisk's one-second delay after a wrong secret. */
    public static AmiServerConfig loopback(String username, String secret) {
        return new AmiServerConfig("127.0.0.1", 0, username, secret, Duration.ofSeconds(1), 65536);
    }

    public AmiServerConfig withBadLoginDelay(Duration delay) {
        return new AmiServerConfig(host, port, username, secret, delay, maxLineLength);
    }

    public AmiServerConfig withPort(int newPort) {
        return new AmiServerConfig(host, newPort, username, secret, badLoginDelay, maxLineLength);
    }
}
