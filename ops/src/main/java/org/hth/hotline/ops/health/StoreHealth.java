package org.hth.hotline.ops.health;

import org.hth.hotline.core.health.ComponentHealth;
import org.hth.hotline.core.health.HealthCheck;
import org.hth.hotline.core.store.Store;

/** The store answers a ping. Critical: without it no call can be recorded and no ticket kept. */
public final class StoreHealth implements HealthCheck {
    private final Store store;

    public StoreHealth(Store store) {
        this.store = store;
    }

    @Override
    public String name() {
        return "store";
    }

    @Override
    public boolean critical() {
        return true;
    }

    @Override
    public ComponentHealth check() {
        try {
            store.ping();
            return ComponentHealth.up(store.describe());
        } catch (RuntimeException e) {
            return ComponentHealth.down(store.describe() + ": " + e.getMessage());
        }
    }
}
