package org.hth.hotline.ops.bench;

import java.util.List;

/**
 * One benchmark scenario: it starts what it needs on loopback, warms up, runs its measurement
 * {@link BenchSettings#runs()} times, stops everything it started and returns its figures. A scenario
 * whose parts are not in this build returns {@link Figure#unavailable} figures rather than numbers.
 * Implementations run on the bench's main thread and own the threads they start.
 */
public interface Scenario {

    /** The name used by {@code --only}, e.g. {@code route}. */
    String name();

    /** Measures; throws when the scenario cannot run at all (the runner prints a FAILED row). */
    List<Figure> run(BenchSettings settings, Progress progress) throws Exception;
}
