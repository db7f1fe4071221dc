package org.hth.hotline.standin.scenario;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.hth.hotline.standin.call.CallerBehaviour;
import org.hth.hotline.standin.call.Endpoints;

/**
 * What to simulate: explicit calls, the endpoints' behaviour, an optional load, and the time speed.
 * Immutable; thread-safe.
 *
 * @param speed     simulated seconds per real second (1 = real time)
 * @param line      the number dialled, the {@code numero-verde} extension
 * @param endpoints behaviour per dial string
 * @param calls     calls placed at start, each with its own caller
 * @param load      generated calls, if any
 */
public record Scenario(double speed, String line, Endpoints endpoints, List<CallerBehaviour> calls,
                       Optional<Load> load) {
    public Scenario {
        Objects.requireNonNull(line, "line");
        Objects.requireNonNull(endpoints, "endpoints");
        calls = List.copyOf(calls);
        Objects.requireNonNull(load, "load");
    }

    /** {@code calls} calls of the same caller, {@code ratePerSecond} new calls per (real) second. */
    public record Load(int calls, double ratePerSecond, CallerBehaviour caller) {
        public Load {
            if (calls < 0 || !(ratePerSecond > 0)) {
                throw new IllegalArgumentException("load needs calls >= 0 and rate > 0");
            }
        }

        Duration interval() {
            return Duration.ofNanos((long) (1_000_000_000L / ratePerSecond));
        }
    }

    /** Every call placed by this scenario, load included, in order. */
    public int totalCalls() {
        return calls.size() + load.map(Load::calls).orElse(0);
    }
}
