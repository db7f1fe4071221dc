package org.hth.hotline.ops.bench;

import java.util.List;
import java.util.Optional;

/**
 * {@code fanout}: one live event to 200 WebSocket clients of the console, p99 from publish to receipt, beside
 * one client. The console's live events are not in this build yet, so the slot is printed as not available;
 * filling it in means replacing {@link #run} with the measurement.
 */
final class FanoutScenario implements Scenario {
    static final String REASON = "the console's WebSocket live events (/api/events) are not merged yet";

    @Override
    public String name() {
        return "fanout";
    }

    @Override
    public List<Figure> run(BenchSettings settings, Progress progress) {
        progress.say(name(), "skipped: " + REASON);
        return List.of(Figure.unavailable(name(), "event->200 clients p99", "ms", Optional.of("one client"),
                new Target.AtMost(50), REASON));
    }
}
