package org.hth.hotline.core.outbox;

/** Where an outbox entry is. A claimed entry is still {@code PENDING}: the claim is a lease, not a state. */
public enum OutboxState {
    /** Waiting for its next attempt (or being attempted under a lease). */
    PENDING,
    /** Received with a 2xx answer. */
    DELIVERED,
    /** Given up on; waits for a coordinator's replay. */
    DEAD
}
