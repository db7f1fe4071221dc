package org.hth.hotline.core.config;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Objects;

/**
 * How long call notes, caller pseudonyms and ticket free text are kept ({@code retention:} in YAML).
 *
 * @param period how long after a call ends (or a ticket is created) its personal data is erased; at least
 *               {@link #MINIMUM_PERIOD}; default 365 days
 * @param runAt  the local time of day, in {@link #ZONE}, when the daily erasure runs; default 03:30
 */
public record RetentionConfig(Duration period, LocalTime runAt) {
    /** The shortest period the configuration accepts. */
    public static final Duration MINIMUM_PERIOD = Duration.ofDays(30);
    /** The zone {@link #runAt} is read in. */
    public static final ZoneId ZONE = ZoneId.of("Europe/Rome");

    public RetentionConfig {
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(runAt, "runAt");
        if (period.compareTo(MINIMUM_PERIOD) < 0) {
            throw new IllegalArgumentException("retention period shorter than " + MINIMUM_PERIOD.toDays() + " days");
        }
    }
}
