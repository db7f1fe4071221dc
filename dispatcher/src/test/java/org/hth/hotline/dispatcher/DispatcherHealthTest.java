package org.hth.hotline.dispatcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.hth.hotline.core.destination.Destinations;
import org.hth.hotline.core.health.HealthState;
import org.hth.hotline.core.live.InProcessLiveEvents;
import org.hth.hotline.core.live.LiveEvent;
import org.hth.hotline.dispatcher.delivery.Circuits;
import org.hth.hotline.dispatcher.delivery.DeliveryMetrics;
import org.hth.hotline.dispatcher.delivery.DestinationAlerts;
import org.junit.jupiter.api.Test;

/** A destination failing for too long raises an alert that stays until a coordinator acknowledges it. */
class DispatcherHealthTest {
    private static final Instant T0 = Instant.parse("2026-11-21T23:00:00Z");

    @Test
    void aLongFailureRaisesALastingAlertInHealthMetricsAndLiveEventsUntilAcknowledged() {
        try (Receivers receivers = new Receivers()) {
            Destinations destinations = receivers.destinations(Receivers.FAST, Map.of());
            List<LiveEvent> events = new CopyOnWriteArrayList<>();
            InProcessLiveEvents live = new InProcessLiveEvents();
            live.subscribe(events::add);
            Circuits circuits = new Circuits(destinations.delivery());
            DestinationAlerts alerts = new DestinationAlerts(Duration.ofMinutes(15), live);
            SimpleMeterRegistry registry = new SimpleMeterRegistry();
            new DeliveryMetrics(registry, destinations, circuits, alerts);
            DispatcherHealth health = new DispatcherHealth(() -> destinations, circuits, alerts, true);

            alerts.observe("uds-asl2", Optional.of(T0), T0.plus(Duration.ofMinutes(14)));
            assertThat(health.check().state()).isEqualTo(HealthState.UP);

            alerts.observe("uds-asl2", Optional.of(T0), T0.plus(Duration.ofMinutes(15)));
            alerts.observe("uds-asl2", Optional.empty(), T0.plus(Duration.ofMinutes(16)));
            assertThat(health.check().state()).isEqualTo(HealthState.DOWN);
            assertThat(health.check().detail()).contains("uds-asl2");
            assertThat(registry.get("hotline.destination.alert").tag("destination", "uds-asl2").gauge().value()).isEqualTo(1);
            assertThat(events).filteredOn(e -> e.type().equals("destination.alert")).hasSize(1);

            assertThat(alerts.acknowledge("uds-asl2", T0.plus(Duration.ofMinutes(20)))).isTrue();
            assertThat(health.check().state()).isEqualTo(HealthState.UP);
            assertThat(registry.get("hotline.destination.alert").tag("destination", "uds-asl2").gauge().value()).isZero();
        }
    }
}
