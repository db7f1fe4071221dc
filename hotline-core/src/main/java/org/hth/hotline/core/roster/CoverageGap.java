package org.hth.hotline.core.roster;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Objects;

/**
 * A stretch of time, to the minute, when nobody is on call. Immutable, thread-safe.
 *
 * @param from the first uncovered minute, in the roster's zone
 * @param to   the end (exclusive): the first covered minute, or the end of the period checked
 */
public record CoverageGap(ZonedDateTime from, ZonedDateTime to) {
    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("EEE HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);

    public CoverageGap {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
    }

    /** Local weekday and times, {@code Mon 08:00-09:00}. */
    public String label() {
        return DAY_TIME.format(from) + "-" + TIME.format(to);
    }
}
