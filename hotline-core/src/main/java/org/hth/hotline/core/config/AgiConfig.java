package org.hth.hotline.core.config;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.hth.hotline.core.config.internal.IpBlock;

/**
 * The FastAGI server Asterisk connects to ({@code agi:} in YAML).
 *
 * @param host           address to listen on; default {@code 127.0.0.1}
 * @param port           TCP port; default 4573
 * @param allowedClients IP addresses or CIDR blocks ({@code 10.0.0.0/24}, {@code fd00::/8}) allowed to connect;
 *                       default {@code [127.0.0.1, ::1]}
 * @param maxCalls          the most calls routed at once (each holds its connection, but no thread, while it
 *                          rings and talks); past it, Asterisk's {@code AGISTATUS=FAILURE} sends a call to the
 *                          dialplan's fallback; default 1000
 * @param callbackRetention how long the sealed number of a missed call is kept for a callback; default 72h
 */
public record AgiConfig(String host, int port, List<String> allowedClients, int maxCalls,
                        Duration callbackRetention) {
    public AgiConfig {
        Objects.requireNonNull(host, "host");
        allowedClients = List.copyOf(allowedClients);
        Objects.requireNonNull(callbackRetention, "callbackRetention");
    }

    /** True when {@code client} is one of {@link #allowedClients()} or inside one of its CIDR blocks. */
    public boolean allows(InetAddress client) {
        return allowedClients.stream().map(IpBlock::parse).flatMap(Optional::stream).anyMatch(b -> b.contains(client));
    }
}
