package org.hth.hotline.core.config;

import java.time.Duration;
import java.util.Objects;

/**
 * The outbox dispatcher ({@code dispatcher:} in YAML).
 *
 * @param enabled      whether this node delivers tickets; default true
 * @param workers      concurrent deliveries; default 4
 * @param lease        how long a claimed entry stays with this node before another may take it; default 60 s
 * @param pollInterval how often to look for due entries; default 1 s
 */
public record DispatcherConfig(boolean enabled, int workers, Duration lease, Duration pollInterval) {
    public DispatcherConfig {
        Objects.requireNonNull(lease, "lease");
        Objects.requireNonNull(pollInterval, "pollInterval");
    }
}
