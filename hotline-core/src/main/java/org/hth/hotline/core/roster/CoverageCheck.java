package org.hth.hotline.core.roster;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Finds when nobody is on call, and previews who is, hour by hour. Every time in a roster is a whole
 * minute and every zone offset is too, so checking minute by minute finds every gap exactly. Works on
 * real instants: a spring-forward night is checked for its 23 hours, a fall-back night for its 25.
 * Immutable and thread-safe.
 */
public final class CoverageCheck {
    private final Roster roster;
    private final OnCallSchedule schedule;

    public CoverageCheck(Roster roster) {
        this.roster = roster;
        this.schedule = new OnCallSchedule(roster);
    }

    /** The stretches of {@code [from, to)} when nobody is on call, in order. */
    public List<CoverageGap> gaps(Instant from, Instant to) {
        List<CoverageGap> gaps = new ArrayList<>();
        Instant gapStart = null;
        Instant minute = from.truncatedTo(ChronoUnit.MINUTES);
        for (; minute.isBefore(to); minute = minute.plus(Duration.ofMinutes(1))) {
            boolean covered = schedule.isCovered(minute);
            if (!covered && gapStart == null) {
                gapStart = minute;
            } else if (covered && gapStart != null) {
                gaps.add(gap(gapStart, minute));
                gapStart = null;
            }
        }
        if (gapStart != null) {
            gaps.add(gap(gapStart, minute));
        }
        return gaps;
    }

    /**
     * Refuses the roster when somebody is not on call at some time in the {@code days} days from
     * {@code from}.
     *
     * @throws RosterException with one problem naming the uncovered local hours, each weekday and times
     *                         once: {@code uncovered: Mon 08:00-09:00, Tue 08:00-09:00 (Europe/Rome)}
     */
    public void requireCovered(Instant from, int days) {
        Instant to = from.atZone(roster.zone()).plusDays(days).toInstant();
        List<CoverageGap> gaps = gaps(from, to);
        if (!gaps.isEmpty()) {
            Set<String> labels = new LinkedHashSet<>();
            gaps.forEach(gap -> labels.add(gap.label()));
            throw new RosterException(List.of(
                    "uncovered: " + String.join(", ", labels) + " (" + roster.zone().getId() + ")"));
        }
    }

    /**
     * Who is primary and secondary at the start of every hour of the {@code days} local days from
     * {@code from} (midnight, roster's zone): 24 slots a day, 23 on a spring-forward day, 25 on a
     * fall-back day.
     */
    public List<PreviewSlot> preview(LocalDate from, int days) {
        Instant end = from.plusDays(days).atStartOfDay(roster.zone()).toInstant();
        List<PreviewSlot> slots = new ArrayList<>();
        for (Instant hour = from.atStartOfDay(roster.zone()).toInstant(); hour.isBefore(end);
             hour = hour.plus(Duration.ofHours(1))) {
            slots.add(new PreviewSlot(hour.atZone(roster.zone()), schedule.at(hour)));
        }
        return slots;
    }

    private CoverageGap gap(Instant from, Instant to) {
        return new CoverageGap(ZonedDateTime.ofInstant(from, roster.zone()), ZonedDateTime.ofInstant(to, roster.zone()));
    }
}
