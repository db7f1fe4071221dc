package org.hth.hotline.core.roster;

import java.time.LocalTime;
import java.util.Objects;

/**
 * A daily window of local time, {@code from} inclusive, {@code to} exclusive; it crosses midnight when
 * {@code to} is before {@code from} (20:00–08:00). Compared with the wall-clock time of an instant, so a
 * night that loses or gains an hour at a clock change is still covered wholly. Immutable, thread-safe.
 */
public record DailyWindow(LocalTime from, LocalTime to) {
    public DailyWindow {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (from.equals(to)) {
            throw new IllegalArgumentException("empty window " + from + "-" + to);
        }
    }

    public boolean crossesMidnight() {
        return to.isBefore(from);
    }

    /** Whether this local time falls in the window. */
    public boolean contains(LocalTime time) {
        if (crossesMidnight()) {
            return !time.isBefore(from) || time.isBefore(to);
        }
        return !time.isBefore(from) && time.isBefore(to);
    }
}
