package org.hth.hotline.core.telephony.agi;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Where the FastAGI server listens and whom it serves. Immutable, thread-safe.
 *
 * @param bindAddress        the address to listen on (default {@code 127.0.0.1})
 * @param port               the TCP port (default 4573; 0 picks a free one, for tests)
 * @param allowedClients     IP addresses or CIDR blocks Asterisk connects from; FastAGI has no
 *                           authentication, so any other peer is closed at once
 * @param storeThreads       the threads that run the script's store calls (a repeat caller's language, a
 *                           callback ticket), so that they never block an event loop; calls wait their turn
 * @param maxCalls           the most connections served at once (a call holds its connection while it rings and
 *                           talks, but no thread); past this, connections are closed and Asterisk's
 *                           {@code AGISTATUS=FAILURE} sends the call to the dialplan's fallback
 * @param environmentTimeout how long a client may take to send its {@code agi_*} environment
 */
public record AgiServerConfig(String bindAddress, int port, List<String> allowedClients, int storeThreads,
                              int maxCalls, Duration environmentTimeout) {
    /** Store threads of {@link #defaults()} and {@code hotline serve}. */
    public static final int DEFAULT_STORE_THREADS = 4;

    public AgiServerConfig {
        Objects.requireNonNull(bindAddress, "bindAddress");
        allowedClients = List.copyOf(allowedClients);
        Objects.requireNonNull(environmentTimeout, "environmentTimeout");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("agi.port must be 0-65535: " + port);
        }
        if (storeThreads < 1 || storeThreads > 64) {
            throw new IllegalArgumentException("agi store threads must be 1-64: " + storeThreads);
        }
        if (maxCalls < 1) {
            throw new IllegalArgumentException("agi.maxCalls must be at least 1: " + maxCalls);
        }
        if (environmentTimeout.isNegative() || environmentTimeout.isZero()) {
            throw new IllegalArgumentException("agi.environmentTimeout must be positive");
        }
        ClientAllowList.parse(allowedClients);
    }

    /** 127.0.0.1:4573, Asterisk on the same machine, 4 store threads, up to 1,000 calls at once, 5 s. */
    public static AgiServerConfig defaults() {
        return new AgiServerConfig("127.0.0.1", 4573, List.of("127.0.0.1/32", "::1/128"), DEFAULT_STORE_THREADS,
                1000, Duration.ofSeconds(5));
    }
}
