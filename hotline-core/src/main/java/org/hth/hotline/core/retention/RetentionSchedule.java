package org.hth.hotline.core.retention;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;

/**
 * A run once a day at a local time of day in a zone. Across daylight-saving changes it stays at that local
 * time: a time that falls in the spring gap moves forward by the gap, a time in the autumn overlap runs once, at
 * its first occurrence. Immutable and thread-safe.
 */
public final class RetentionSchedule {
    private final LocalTime at;
    private final ZoneId zone;

    public RetentionSchedule(LocalTime at, ZoneId zone) {
        this.at = Objects.requireNonNull(at, "at");
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    /** The first run strictly after {@code instant}. */
    public Instant nextAfter(Instant instant) {
        LocalDate day = instant.atZone(zone).toLocalDate();
        Instant candidate = on(day);
        while (!candidate.isAfter(instant)) {
            day = day.plusDays(1);
            candidate = on(day);
        }
        return candidate;
    }

    private Instant on(LocalDate day) {
        return ZonedDateTime.of(day, at, zone).toInstant();
    }

    @Override
    public String toString() {
        return "daily at " + at + " " + zone;
    }
}
