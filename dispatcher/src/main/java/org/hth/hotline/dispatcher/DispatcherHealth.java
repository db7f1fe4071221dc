package org.hth.hotline.dispatcher;

import java.util.LinkedHashMap;
import java.util.Map;

import org.hth.hotline.core.destination.Destination;
import org.hth.hotline.core.destination.Destinations;
import org.hth.hotline.core.health.ComponentHealth;
import org.hth.hotline.core.health.HealthCheck;
import org.hth.hotline.dispatcher.delivery.Circuits;
import org.hth.hotline.dispatcher.delivery.DestinationAlerts;

/**
 * The {@code dispatcher} health check (not critical: calls are still answered without it): down while a
 * destination's alert is raised, naming it; the circuits as facts. Thread-safe; does not block.
 */
final class DispatcherHealth implements HealthCheck {
    private final Destinations destinations;
    private final Circuits circuits;
    private final DestinationAlerts alerts;

    DispatcherHealth(Destinations destinations, Circuits circuits, DestinationAlerts alerts) {
        this.destinations = destinations;
        this.circuits = circuits;
        this.alerts = alerts;
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
        Map<String, Object> facts = new LinkedHashMap<>();
        for (Destination d : destinations.all()) {
            facts.put(d.id(), d.enabled() ? circuits.of(d.id()).state().name() : "DISABLED");
        }
        var raised = alerts.raised();
        if (!raised.isEmpty()) {
            return ComponentHealth.down("referrals are not reaching " + String.join(", ", new java.util.TreeSet<>(
                    raised.keySet())) + ": check the destination, then acknowledge the alert").with(facts);
        }
        return ComponentHealth.up("delivering to " + destinations.all().stream().filter(Destination::enabled).count()
                + " destinations").with(facts);
    }
}
