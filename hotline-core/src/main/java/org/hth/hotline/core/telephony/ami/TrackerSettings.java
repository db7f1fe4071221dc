package org.hth.hotline.core.telephony.ami;

import java.time.Duration;
import java.util.Objects;

/**
 * How long the tracker waits before it closes a call.
 *
 * @param settleDelay    after the last channel of a call hung up, how long to wait for trailing events (a
 *                       {@code Cdr} can come after the {@code Hangup}) before the record is written
 * @param orphanTimeout  how long a call in progress when the PBX connection dropped stays open without a
 *                       connection before it is closed as {@code FAILED}
 * @param maxCallLength  a call still open this long after its start is closed as {@code FAILED}, connected or not
 * @param sweepInterval  how often open calls are checked against the two limits above
 */
public record TrackerSettings(Duration settleDelay, Duration orphanTimeout, Duration maxCallLength,
                              Duration sweepInterval) {
    public TrackerSettings {
        Objects.requireNonNull(settleDelay, "settleDelay");
        Objects.requireNonNull(orphanTimeout, "orphanTimeout");
        Objects.requireNonNull(maxCallLength, "maxCallLength");
        Objects.requireNonNull(sweepInterval, "sweepInterval");
        if (sweepInterval.isZero() || sweepInterval.isNegative()) {
            throw new IllegalArgumentException("sweepInterval must be positive");
        }
    }

    /** 1 s to settle, 2 min without a connection, 12 h at most, checked every 30 s. */
    public static TrackerSettings defaults() {
        return new TrackerSettings(Duration.ofSeconds(1), Duration.ofMinutes(2), Duration.ofHours(12),
                Duration.ofSeconds(30));
    }
}
