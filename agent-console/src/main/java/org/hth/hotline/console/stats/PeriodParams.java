package org.hth.hotline.console.stats;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.hth.hotline.console.api.QueryParams;
import org.hth.hotline.core.stats.StatsPeriod;

/**
 * Reads {@code from} and {@code to} (ISO-8601 instants) into a {@link StatsPeriod}, with field-level errors: a
 * missing {@code to} is now, a missing {@code from} thirty days before {@code to}; {@code to} must be after
 * {@code from} and the period at most {@value StatsPeriod#MAX_DAYS} days. Stateless.
 */
public final class PeriodParams {
    private PeriodParams() {
    }

    /** The period, or empty with the problems recorded in {@code q.errors()}. */
    public static Optional<StatsPeriod> read(QueryParams q, Clock clock) {
        Optional<Instant> from = q.instant("from");
        Optional<Instant> to = q.instant("to");
        if (q.errors().has("from") || q.errors().has("to")) {
            return Optional.empty();
        }
        Instant end = to.orElse(clock.instant());
        Instant start = from.orElse(end.minus(Duration.ofDays(30)));
        if (!start.isBefore(end)) {
            q.errors().add("to", "must be after from");
            return Optional.empty();
        }
        if (Duration.between(start, end).compareTo(Duration.ofDays(StatsPeriod.MAX_DAYS + 1)) > 0) {
            q.errors().add("to", "the period may be at most " + StatsPeriod.MAX_DAYS
                    + " days: ask for a longer one year by year");
            return Optional.empty();
        }
        return Optional.of(new StatsPeriod(start, end));
    }
}
