package org.hth.hotline.core.referral;

import java.util.Optional;

/**
 * A filter over tickets, newest first.
 *
 * @param status        only this status
 * @param destinationId only tickets sent to this destination
 * @param callId        only tickets of this call
 * @param limit         at most this many
 */
public record TicketQuery(Optional<TicketStatus> status, Optional<String> destinationId, Optional<String> callId,
                          int limit) {
    public TicketQuery {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive, was " + limit);
        }
    }

    public static TicketQuery all(int limit) {
        return new TicketQuery(Optional.empty(), Optional.empty(), Optional.empty(), limit);
    }
}
