package org.hth.hotline.dispatcher;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.hth.hotline.core.destination.Destination;
import org.hth.hotline.core.destination.Destinations;
import org.hth.hotline.core.health.ComponentHealth;
import org.hth.hotline.core.health.HealthCheck;
import org.hth.hotline.dispatcher.delivery.Circuits;
import org.hth.hotline.dispatcher.delivery.DestinationAlerts;

/**
 * The {@code dispatcher} health check (not critical: calls are still answered without it): down while a
 * destination's alert is raised, naming it; the circuits as facts ({@code DISABLED} for a destination disabled in
 * the file or by a coordinator), read from the destinations as they are now. Thread-safe; does not block.
 */
final class DispatcherHealth implements HealthCheck {
    private final Supplier<Destinations> destinations;
    private final Circuits circuits;
    private final DestinationAlerts alerts;
    private final boolean enabled;

    DispatcherHealth(Supplier<Destinations> destinations, Circuits circuits, DestinationAlerts alerts, boolean enabled) {
        this.destinations = destinations;
        this.circuits = circuits;
        this.alerts = alerts;
        this.enabled = enabled;
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
        if (!enabled) {
            return ComponentHealth.disabled("ticket delivery is switched off (dispatcher.enabled: false); referrals"
                    + " wait in the outbox");
        }
        Map<String, Object> facts = new LinkedHashMap<>();
        List<String> waiting = new ArrayList<>();
        Destinations now = destinations.get();
        for (Destination d : now.all()) {
            if (!d.enabled()) {
                facts.put(d.id(), "DISABLED");
            } else if (!d.configured()) {
                facts.put(d.id(), "WAITING_FOR_CONFIGURATION");
                waiting.add(d.id() + ": " + d.missing().orElse(""));
            } else {
                facts.put(d.id(), circuits.of(d.id()).state().name());
            }
        }
        if (!waiting.isEmpty()) {
            return ComponentHealth.down("referrals wait in the outbox for destinations not configured yet: "
                    + String.join("; ", waiting)).with(facts);
        }
        var raised = alerts.raised();
        if (!raised.isEmpty()) {
            return ComponentHealth.down("referrals are not reaching " + String.join(", ", new java.util.TreeSet<>(
                    raised.keySet())) + ": check the destination, then acknowledge the alert").with(facts);
        }
        return ComponentHealth.up("delivering to " + now.all().stream().filter(Destination::enabled).count()
                + " destinations").with(facts);
    }
}
