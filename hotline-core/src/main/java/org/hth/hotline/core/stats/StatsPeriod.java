package org.hth.hotline.core.stats;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A period of statistics, {@code [from, to)}, at most {@value #MAX_DAYS} days long so that a computation
 * always ends in seconds (a longer period is asked for year by year). Immutable.
 *
 * @param from first instant included
 * @param to   first instant excluded
 */
public record StatsPeriod(Instant from, Instant to) {
    /** The longest period computed at once. */
    public static final int MAX_DAYS = 366;

    public StatsPeriod {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("the period must end after it starts");
        }
        if (Duration.between(from, to).compareTo(Duration.ofDays(MAX_DAYS + 1)) > 0) {
            throw new IllegalArgumentException("the period may be at most " + MAX_DAYS + " days");
        }
    }

    public boolean contains(Instant at) {
        return !at.isBefore(from) && at.isBefore(to);
    }
}
