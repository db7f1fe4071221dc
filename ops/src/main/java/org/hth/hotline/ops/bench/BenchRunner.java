package org.hth.hotline.ops.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs the scenarios one after the other (all, or the one named) and summarises their figures into rows. A
 * scenario that throws becomes a {@link Verdict#FAILED} row and the others still run. Runs on the caller's
 * thread; not thread-safe.
 */
public final class BenchRunner {
    private final List<Scenario> scenarios;
    private final Progress progress;

    public BenchRunner(List<Scenario> scenarios, Progress progress) {
        this.scenarios = List.copyOf(scenarios);
        this.progress = progress;
    }

    /** The scenarios' names, in the order they run. */
    public List<String> names() {
        return scenarios.stream().map(Scenario::name).toList();
    }

    /** Runs every scenario, or only {@code only}. */
    public List<Row> run(BenchSettings settings, Optional<String> only) {
        List<Row> rows = new ArrayList<>();
        for (Scenario scenario : scenarios) {
            if (only.isPresent() && !only.get().equals(scenario.name())) {
                continue;
            }
            progress.say(scenario.name(), "starting");
            try {
                for (Figure figure : scenario.run(settings, progress)) {
                    rows.add(Row.of(figure));
                }
                progress.say(scenario.name(), "done");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                rows.add(Row.failed(scenario.name(), e));
                break;
            } catch (Exception e) {
                progress.say(scenario.name(), "FAILED: " + e);
                rows.add(Row.failed(scenario.name(), e));
            }
        }
        return rows;
    }
}
