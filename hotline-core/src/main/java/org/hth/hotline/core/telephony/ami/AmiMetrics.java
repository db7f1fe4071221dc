package org.hth.hotline.core.telephony.ami;

import java.util.function.Supplier;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.asteriskjava.manager.event.ManagerEvent;

/**
 * The AMI meters: the gauge {@code hotline_ami_connected} (1 or 0) and {@code hotline_ami_events_total{type}},
 * whose label is one of the event types of {@link AmiEvents} or {@code other}. Thread-safe.
 */
final class AmiMetrics {
    private final MeterRegistry registry;

    AmiMetrics(MeterRegistry registry, Supplier<AmiStatus> status) {
        this.registry = registry;
        Gauge.builder("hotline.ami.connected", status,
                        s -> s.get().state() == AmiStatus.State.CONNECTED ? 1 : 0)
                .description("1 while the AMI connection is logged in, else 0").strongReference(true)
                .register(registry);
    }

    void received(ManagerEvent event) {
        Counter.builder("hotline.ami.events").description("AMI events received, by type")
                .tag("type", AmiEvents.type(event)).register(registry).increment();
    }
}
