package org.hth.hotline.core.config;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The connection to Asterisk's manager interface ({@code ami:} in YAML). With no secret the server runs and
 * reports the PBX as not configured.
 *
 * @param enabled        whether to connect at all; default true
 * @param host           Asterisk's address; default {@code 127.0.0.1}
 * @param port           AMI port; default 5038
 * @param username       the {@code manager.conf} user; default {@code hotline}
 * @param secret         its secret, from {@code HOTLINE_AMI_SECRET} or a file; empty when not set
 * @param connectTimeout how long one connection attempt may take; default 5 s
 * @param reconnectMin   first delay before reconnecting; default 1 s
 * @param reconnectMax   the delay doubles up to this; default 60 s
 */
public record AmiConfig(boolean enabled, String host, int port, String username, Optional<Secret> secret,
                        Duration connectTimeout, Duration reconnectMin, Duration reconnectMax) {
    public AmiConfig {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(secret, "secret");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(reconnectMin, "reconnectMin");
        Objects.requireNonNull(reconnectMax, "reconnectMax");
    }
}
