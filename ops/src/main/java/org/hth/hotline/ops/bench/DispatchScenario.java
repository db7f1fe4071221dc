package org.hth.hotline.ops.bench;

import java.util.List;
import java.util.Optional;

/**
 * {@code dispatch}: tickets per second from creation to a 2xx of a local receiver, and the p99 latency, on
 * SQLite and Redis, beside the Vert.x WebClient posting the same bodies straight to the same receiver. The
 * dispatcher is not in this build yet, so the slots are printed as not available; filling them in means
 * replacing {@link #run} with the measurement (the figures, baselines and targets stay as declared here).
 */
final class DispatchScenario implements Scenario {
    static final String REASON = "the ticket dispatcher (dispatcher module) is not merged yet";
    private static final Optional<String> BASELINE = Optional.of("Vert.x WebClient posting the same bodies to the"
            + " same receiver");

    @Override
    public String name() {
        return "dispatch";
    }

    @Override
    public List<Figure> run(BenchSettings settings, Progress progress) {
        progress.say(name(), "skipped: " + REASON);
        return List.of(
                Figure.unavailable(name(), "sqlite tickets/s", "tickets/s", BASELINE,
                        new Target.ShareOfBaselineAndFloor(0.40, 0), REASON),
                Figure.unavailable(name(), "sqlite p99 unloaded", "ms", BASELINE, new Target.AtMost(50), REASON),
                Figure.unavailable(name(), "redis tickets/s", "tickets/s", BASELINE,
                        new Target.ShareOfBaselineAndFloor(0.40, 0), REASON),
                Figure.unavailable(name(), "redis p99 unloaded", "ms", BASELINE, new Target.AtMost(50), REASON));
    }
}
