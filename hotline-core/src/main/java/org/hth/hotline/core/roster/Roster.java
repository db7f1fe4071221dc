package org.hth.hotline.core.roster;

import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The whole roster document: who the operators are, who is on call when, and how a call escalates.
 * Built by {@link RosterParser}, which checks that every id it names exists. Immutable, thread-safe.
 *
 * @param zone       the zone of every local time in it (Europe/Rome)
 * @param operators  in document order (the order {@code all-available} rings them in)
 * @param rotations  in document order (the first covering rotation gives the primary)
 * @param overrides  in document order (a later one wins over an earlier one)
 * @param escalation at least one step
 * @param fallback   after the last step
 */
public record Roster(ZoneId zone, List<Operator> operators, List<Rotation> rotations,
                     List<OnCallOverride> overrides, List<EscalationStep> escalation,
                     List<FallbackStep> fallback) {
    public Roster {
        Objects.requireNonNull(zone, "zone");
        operators = List.copyOf(operators);
        rotations = List.copyOf(rotations);
        overrides = List.copyOf(overrides);
        escalation = List.copyOf(escalation);
        fallback = List.copyOf(fallback);
    }

    /** The operator with this id. */
    public Optional<Operator> operator(String id) {
        return operators.stream().filter(operator -> operator.id().equals(id)).findFirst();
    }
}
