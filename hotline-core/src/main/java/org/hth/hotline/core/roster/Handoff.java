package org.hth.hotline.core.roster;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.Objects;

/**
 * When a rotation passes to its next member: every week, on this weekday at this local time (in the
 * roster's zone). Immutable, thread-safe.
 */
public record Handoff(DayOfWeek weekday, LocalTime time) {
    public Handoff {
        Objects.requireNonNull(weekday, "weekday");
        Objects.requireNonNull(time, "time");
    }
}
