package org.hth.hotline.core.health;

import java.util.Map;
import java.util.Objects;

/**
 * What one part of the server says about itself.
 *
 * @param state  up, down or disabled
 * @param detail one sentence an administrator can act on
 * @param facts  a few numbers or names (queue depths, the address it talks to); never personal data
 */
public record ComponentHealth(HealthState state, String detail, Map<String, Object> facts) {
    public ComponentHealth {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(detail, "detail");
        facts = Map.copyOf(facts);
    }

    public static ComponentHealth up(String detail) {
        return new ComponentHealth(HealthState.UP, detail, Map.of());
    }

    public static ComponentHealth down(String detail) {
        return new ComponentHealth(HealthState.DOWN, detail, Map.of());
    }

    public static ComponentHealth disabled(String detail) {
        return new ComponentHealth(HealthState.DISABLED, detail, Map.of());
    }

    public ComponentHealth with(Map<String, Object> more) {
        return new ComponentHealth(state, detail, more);
    }
}
