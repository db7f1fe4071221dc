package org.hth.hotline.core.roster;

import java.util.List;
import java.util.Objects;

/**
 * One step of a call's escalation: ring all its targets at once for so many seconds. Immutable,
 * thread-safe.
 *
 * @param number      the step's number in the roster's escalation policy, from 1 (steps left empty for
 *                    this call are skipped, so numbers may jump)
 * @param ringSeconds how long to ring
 * @param targets     at least one endpoint, in the order to dial them
 */
public record PlannedStep(int number, int ringSeconds, List<RingTarget> targets) {
    public PlannedStep {
        targets = List.copyOf(targets);
        if (targets.isEmpty()) {
            throw new IllegalArgumentException("step " + number + " has nobody to ring");
        }
    }

    /** The operators rung, in order, once each. */
    public List<String> operatorIds() {
        return targets.stream().map(RingTarget::operatorId).distinct().toList();
    }
}
