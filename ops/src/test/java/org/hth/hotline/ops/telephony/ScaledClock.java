package org.hth.hotline.ops.telephony;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock that runs {@code speed} times faster than the system clock from the moment it is made: the server's
 * clock in these tests, so that the wait, talk and ring seconds it records are the simulated durations of the
 * stand-in running at the same speed. Immutable; thread-safe.
 */
final class ScaledClock extends Clock {
    private final Instant origin;
    private final long originNanos;
    private final double speed;
    private final ZoneId zone;

    ScaledClock(double speed) {
        this(Instant.now(), System.nanoTime(), speed, ZoneOffset.UTC);
    }

    private ScaledClock(Instant origin, long originNanos, double speed, ZoneId zone) {
        this.origin = origin;
        this.originNanos = originNanos;
        this.speed = speed;
        this.zone = zone;
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId other) {
        return new ScaledClock(origin, originNanos, speed, other);
    }

    @Override
    public Instant instant() {
        return origin.plusNanos((long) ((System.nanoTime() - originNanos) * speed));
    }
}
