package org.hth.hotline.core.outbox;

import java.util.Optional;

/**
 * A filter over outbox entries, newest first.
 *
 * @param destinationId only this destination
 * @param state         only this state
 * @param limit         at most this many
 */
public record OutboxQuery(Optional<String> destinationId, Optional<OutboxState> state, int limit) {
    public OutboxQuery {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive, was " + limit);
        }
    }

    public static OutboxQuery dead(int limit) {
        return new OutboxQuery(Optional.empty(), Optional.of(OutboxState.DEAD), limit);
    }
}
