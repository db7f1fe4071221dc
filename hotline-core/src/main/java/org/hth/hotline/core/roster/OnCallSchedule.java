package org.hth.hotline.core.roster;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;

/**
 * Who is primary and secondary on call at an instant, all arithmetic in the roster's zone.
 *
 * <p>The first rotation (in document order) whose daily window holds the local time gives the order of
 * call: the member whose turn it is, then the others in rotation order; primary and secondary are the
 * first two. Turns are counted from a fixed epoch: member 0 holds the turn that starts at the first
 * hand-off on or after {@link #EPOCH}, and each hand-off moves the turn on by one member. A hand-off
 * happens the first time the wall clock reads its time on its weekday: at a spring-forward gap, when the
 * clock jumps; at a fall-back overlap, at the first of the two readings — so exactly once a week.
 *
 * <p>Then every override in force (in document order) takes its {@code replaces} and its own operator out
 * of that order and puts its operator first.
 *
 * <p>Immutable and thread-safe.
 */
public final class OnCallSchedule {
    /** The Monday from which turns are counted; fixed so that every node agrees on whose turn it is. */
    public static final LocalDate EPOCH = LocalDate.of(2024, 1, 1);

    private final Roster roster;
    private final ZoneId zone;

    public OnCallSchedule(Roster roster) {
        this.roster = roster;
        this.zone = roster.zone();
    }

    /** Primary and secondary at this instant. */
    public OnCall at(Instant instant) {
        List<String> order = new ArrayList<>();
        ZonedDateTime local = instant.atZone(zone);
        roster.rotations().stream()
                .filter(rotation -> rotation.isOnCallAt(local.toLocalTime()))
                .findFirst()
                .ifPresent(rotation -> order.addAll(orderOfCall(rotation, instant)));
        for (OnCallOverride override : roster.overrides()) {
            if (inForce(override, instant)) {
                order.remove(override.operator());
                override.replaces().ifPresent(order::remove);
                order.add(0, override.operator());
            }
        }
        return new OnCall(order.stream().findFirst(), order.stream().skip(1).findFirst());
    }

    /** Whether anybody is on call at this instant (cheaper than {@link #at}). */
    public boolean isCovered(Instant instant) {
        var time = instant.atZone(zone).toLocalTime();
        return roster.rotations().stream().anyMatch(rotation -> rotation.isOnCallAt(time))
                || roster.overrides().stream().anyMatch(override -> inForce(override, instant));
    }

    /** The rotation's member whose turn it is at this instant (whether or not its window is open). */
    public String memberOnTurn(Rotation rotation, Instant instant) {
        return orderOfCall(rotation, instant).get(0);
    }

    /** The number of the turn in force: 0 from the first hand-off on or after the epoch, negative before. */
    long turn(Rotation rotation, Instant instant) {
        Handoff handoff = rotation.handoff();
        LocalDate first = EPOCH.with(TemporalAdjusters.nextOrSame(handoff.weekday()));
        LocalDate last = instant.atZone(zone).toLocalDate().with(TemporalAdjusters.previousOrSame(handoff.weekday()));
        if (LocalTimes.firstInstantAt(last.atTime(handoff.time()), zone).isAfter(instant)) {
            last = last.minusWeeks(1);
        }
        return ChronoUnit.WEEKS.between(first, last);
    }

    private List<String> orderOfCall(Rotation rotation, Instant instant) {
        List<String> members = rotation.members();
        int current = Math.floorMod(turn(rotation, instant), members.size());
        List<String> order = new ArrayList<>(members.subList(current, members.size()));
        order.addAll(members.subList(0, current));
        return order;
    }

    private boolean inForce(OnCallOverride override, Instant instant) {
        return !instant.isBefore(LocalTimes.firstInstantAt(override.from(), zone))
                && instant.isBefore(LocalTimes.firstInstantAt(override.to(), zone));
    }
}
