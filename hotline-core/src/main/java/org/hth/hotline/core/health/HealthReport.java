package org.hth.hotline.core.health;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The health of every part and the overall state: {@code DOWN} when a critical part is down,
 * {@code DEGRADED} when only other parts are, else {@code UP}.
 *
 * @param state      overall
 * @param components by name, in the order checked
 */
public record HealthReport(HealthState state, Map<String, ComponentHealth> components) {

    public HealthReport {
        components = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(components));
    }

    /** Runs every check once and combines them. */
    public static HealthReport of(List<HealthCheck> checks) {
        Map<String, ComponentHealth> results = new LinkedHashMap<>();
        HealthState overall = HealthState.UP;
        for (HealthCheck check : checks) {
            ComponentHealth health = check.check();
            results.put(check.name(), health);
            if (health.state() == HealthState.DOWN) {
                overall = check.critical() ? HealthState.DOWN
                        : overall == HealthState.DOWN ? overall : HealthState.DEGRADED;
            }
        }
        return new HealthReport(overall, results);
    }

    /** Whether the server should receive traffic. */
    public boolean ready() {
        return state != HealthState.DOWN;
    }
}
