package org.hth.hotline.ops.bench;

import java.time.Duration;

/**
 * The call load of {@code route} and {@code memory}: {@code calls} calls arriving at {@code rate} per second,
 * each holding its Dial for as long as the arrivals last, so that all of them are in a call at once at the
 * end of the arrivals.
 *
 * @param calls calls per run
 * @param rate  arrivals per second
 */
record RouteLoadShape(int calls, int rate) {

    /** 1,000 calls at 200/s; {@code --quick} 400 at 200/s. */
    static RouteLoadShape of(BenchSettings settings) {
        return settings.quick() ? new RouteLoadShape(400, 200) : new RouteLoadShape(1_000, 200);
    }

    /** A short warm-up load. */
    static RouteLoadShape warmUp() {
        return new RouteLoadShape(300, 200);
    }

    Duration hold() {
        return Duration.ofMillis(calls * 1000L / rate);
    }

    String describe() {
        return String.format(java.util.Locale.ROOT, "%,d calls at %d/s, Dial held %.1f s", calls, rate,
                hold().toMillis() / 1000.0);
    }
}
