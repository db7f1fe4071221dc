package org.hth.hotline.ops.serve;

import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Vertx;

import org.hth.hotline.core.roster.PresenceState;
import org.hth.hotline.core.store.RosterStore;

/**
 * The gauge {@code hotline_operators_available}: how many operators have set themselves available in the
 * console. Counted from the store every few seconds on a worker, so a scrape never waits for the store.
 * Thread-safe.
 */
final class OperatorsAvailable {
    private static final long EVERY_MS = 10_000;

    private OperatorsAvailable() {
    }

    /** Starts counting; returns the timer id (cancelled when Vert.x closes). */
    static long start(Vertx vertx, RosterStore roster, MeterRegistry registry) {
        AtomicInteger available = new AtomicInteger();
        Gauge.builder("hotline_operators_available", available, AtomicInteger::get)
                .description("Operators whose console presence is AVAILABLE").register(registry);
        Runnable count = () -> vertx.executeBlocking(() -> roster.allPresence().stream()
                        .filter(p -> p.state() == PresenceState.AVAILABLE).count(), false)
                .onSuccess(n -> available.set(n.intValue()));
        count.run();
        return vertx.setPeriodic(EVERY_MS, id -> count.run());
    }
}
