package org.hth.hotline.standin.call;

import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.ScheduledFuture;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * Simulated time: an injected {@link Clock} run {@code speed} times faster. Every delay of a scenario
 * (ringing, talking, a caller's patience) is a simulated duration; it is scheduled on a Netty event loop
 * after {@code duration / speed} of real time, and timestamps ({@link #now()}) advance at the same pace,
 * so durations reported in events stay the simulated ones. Immutable and thread-safe.
 */
public final class Timeline {
    private final Clock clock;
    private final double speed;
    private final Instant origin;

    public Timeline(Clock clock, double speed) {
        this.clock = Objects.requireNonNull(clock, "clock");
        if (!(speed > 0)) {
            throw new IllegalArgumentException("speed must be positive: " + speed);
        }
        this.speed = speed;
        this.origin = clock.instant();
    }

    /** Real time. */
    public static Timeline realTime(Clock clock) {
        return new Timeline(clock, 1.0);
    }

    public double speed() {
        return speed;
    }

    /** The simulated instant now. */
    public Instant now() {
        long realNanos = Duration.between(origin, clock.instant()).toNanos();
        return origin.plusNanos((long) (realNanos * speed));
    }

    /** Runs {@code task} on {@code executor} after the simulated {@code delay}. */
    public ScheduledFuture<?> schedule(EventExecutor executor, Duration delay, Runnable task) {
        long nanos = Math.max(0, (long) (delay.toNanos() / speed));
        return executor.schedule(task, nanos, TimeUnit.NANOSECONDS);
    }
}
