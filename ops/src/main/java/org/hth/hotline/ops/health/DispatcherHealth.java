package org.hth.hotline.ops.health;

import java.util.Map;

import org.hth.hotline.core.config.DispatcherConfig;
import org.hth.hotline.core.health.ComponentHealth;
import org.hth.hotline.core.health.HealthCheck;
import org.hth.hotline.core.outbox.OutboxDepth;
import org.hth.hotline.core.store.Store;

/**
 * The delivery of referral tickets: whether it runs, and how many deliveries wait or are dead letters.
 * Not critical for readiness; dead letters are raised to the coordinators separately.
 */
public final class DispatcherHealth implements HealthCheck {
    private final DispatcherConfig config;
    private final Store store;

    public DispatcherHealth(DispatcherConfig config, Store store) {
        this.config = config;
        this.store = store;
    }

    @Override
    public String name() {
        return "dispatcher";
    }

    @Override
    public boolean critical() {
        return false;
    }

    @Override
    public ComponentHealth check() {
        ComponentHealth state = config.enabled()
                ? ComponentHealth.down("ticket delivery is not part of this build; deliveries wait in the outbox")
                : ComponentHealth.disabled("ticket delivery is switched off (dispatcher.enabled: false)");
        try {
            OutboxDepth depth = store.outbox().depth();
            return state.with(Map.of("pending", depth.pending(), "dead", depth.dead()));
        } catch (RuntimeException e) {
            return state;
        }
    }
}
