package org.hth.hotline.core.roster;

import java.util.List;

/**
 * What to do with one call: the steps to ring in order, then the fallback. Immutable, thread-safe.
 *
 * @param steps    possibly empty (nobody on call reachable): go straight to the fallback
 * @param fallback the roster's fallback, in order
 */
public record EscalationPlan(List<PlannedStep> steps, List<FallbackStep> fallback) {
    public EscalationPlan {
        steps = List.copyOf(steps);
        fallback = List.copyOf(fallback);
    }
}
