package org.hth.hotline.core.roster;

import java.util.Objects;
import java.util.Optional;

/**
 * One step of the escalation policy. Immutable, thread-safe.
 *
 * @param target         whom to ring
 * @param ringSeconds    how long, 1..300
 * @param prefer         ring only this endpoint kind of an operator who has it; empty rings every endpoint
 * @param preferLanguage put operators speaking the caller's language first (for all-available: only them,
 *                       when any is available)
 */
public record EscalationStep(EscalationTarget target, int ringSeconds, Optional<EndpointKind> prefer,
                             boolean preferLanguage) {
    public static final int MAX_RING_SECONDS = 300;

    public EscalationStep {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(prefer, "prefer");
        if (ringSeconds < 1 || ringSeconds > MAX_RING_SECONDS) {
            throw new IllegalArgumentException("ring seconds not in 1.." + MAX_RING_SECONDS + ": " + ringSeconds);
        }
    }
}
