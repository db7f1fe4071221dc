package org.hth.hotline.core.telephony.agi;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The route script's meters: {@code hotline_route_decision_seconds} (from the start of the script to its first
 * {@code Dial}), {@code hotline_route_calls_total{result}} and {@code hotline_agi_connections_refused_total}.
 * Thread-safe.
 */
public final class RouteMetrics {
    /** How the script ended a call, as counted. */
    public enum Result {
        ANSWERED, ABANDONED, FALLBACK, VOICEMAIL,
        /** Nothing in the fallback took the call: left to the dialplan. */
        UNSETTLED,
        /** The script failed: left to the dialplan. */
        FAILED,
        /** The AGI connection was lost mid-call. */
        DISCONNECTED
    }

    private final MeterRegistry registry;
    private final Timer decision;
    private final Map<Result, Counter> calls = new EnumMap<>(Result.class);
    private final Counter refused;

    public RouteMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.decision = Timer.builder("hotline.route.decision")
                .description("From the start of the route script to its first Dial")
                .publishPercentileHistogram()
                .register(registry);
        for (Result result : Result.values()) {
            calls.put(result, Counter.builder("hotline.route.calls")
                    .description("Calls the route script handled, by how it ended them")
                    .tag("result", result.name().toLowerCase(Locale.ROOT))
                    .register(registry));
        }
        this.refused = Counter.builder("hotline.agi.connections.refused")
                .description("FastAGI connections closed because their address is not allowed")
                .register(registry);
    }

    /** Starts timing one call's decision; {@link Decision#dialling()} stops it, once. */
    public Decision startDecision() {
        return new Decision(Timer.start(registry));
    }

    public void count(Result result) {
        calls.get(result).increment();
    }

    public void refusedConnection() {
        refused.increment();
    }

    /** One call's decision timing. Not shared between calls. */
    public final class Decision {
        private final Timer.Sample sample;
        private final AtomicBoolean stopped = new AtomicBoolean();

        private Decision(Timer.Sample sample) {
            this.sample = sample;
        }

        /** The first {@code Dial} is about to go out. */
        public void dialling() {
            if (stopped.compareAndSet(false, true)) {
                sample.stop(decision);
            }
        }
    }
}
