package org.hth.hotline.dispatcher.delivery;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.hth.hotline.core.destination.Destination;
import org.hth.hotline.core.destination.Destinations;

/**
 * The dispatcher's meters on the injected registry: {@code hotline_deliveries_total{destination,result}},
 * {@code hotline_delivery_latency_seconds} (ticket created → 2xx, histogram), {@code hotline_outbox_depth{state}},
 * {@code hotline_outbox_oldest_pending_age_seconds}, {@code hotline_dead_letters},
 * {@code hotline_destination_circuit{destination}} (0 closed, 1 half-open, 2 open) and
 * {@code hotline_destination_alert{destination}} (1 while raised). Thread-safe.
 */
public final class DeliveryMetrics {
    private final MeterRegistry registry;
    private final AtomicLong pending = new AtomicLong();
    private final AtomicLong dead = new AtomicLong();
    private final AtomicLong oldestPendingSeconds = new AtomicLong();

    public DeliveryMetrics(MeterRegistry registry, Destinations destinations, Circuits circuits, DestinationAlerts alerts) {
        this.registry = registry;
        Gauge.builder("hotline.outbox.depth", pending, AtomicLong::get).tag("state", "pending").register(registry);
        Gauge.builder("hotline.outbox.depth", dead, AtomicLong::get).tag("state", "dead").register(registry);
        Gauge.builder("hotline.dead.letters", dead, AtomicLong::get).register(registry);
        Gauge.builder("hotline.outbox.oldest.pending.age", oldestPendingSeconds, AtomicLong::get)
                .baseUnit("seconds").register(registry);
        for (Destination d : destinations.all()) {
            Gauge.builder("hotline.destination.circuit", circuits, c -> c.of(d.id()).state().gauge())
                    .tag("destination", d.id()).register(registry);
            Gauge.builder("hotline.destination.alert", alerts, a -> a.isRaised(d.id()) ? 1 : 0)
                    .tag("destination", d.id()).register(registry);
        }
    }

    /** Counts one settled attempt: {@code delivered}, {@code retried}, {@code dead} or {@code postponed}. */
    public void count(String destinationId, String result) {
        Counter.builder("hotline.deliveries").tag("destination", destinationId).tag("result", result)
                .register(registry).increment();
    }

    /** Time from the ticket's creation to its 2xx. */
    public void delivered(String destinationId, Duration sinceCreated) {
        Timer.builder("hotline.delivery.latency").tag("destination", destinationId).publishPercentileHistogram()
                .register(registry).record(sinceCreated.isNegative() ? Duration.ZERO : sinceCreated);
    }

    /** The outbox as last read. */
    public void outbox(long pendingNow, long deadNow, Duration oldestPending) {
        pending.set(pendingNow);
        dead.set(deadNow);
        oldestPendingSeconds.set(oldestPending.toSeconds());
    }
}
