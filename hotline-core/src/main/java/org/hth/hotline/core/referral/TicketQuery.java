package org.hth.hotline.core.referral;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A filter over tickets, newest first.
 *
 * @param status        only this status
 * @param destinationId only tickets sent to this destination
 * @param callId        only tickets of this call
 * @param limit         at most this many
 * @param from          only tickets created at or after this instant
 * @param to            only tickets created before this instant
 */
public record TicketQuery(Optional<TicketStatus> status, Optional<String> destinationId, Optional<String> callId,
                          int limit, Optional<Instant> from, Optional<Instant> to) {
    public TicketQuery {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive, was " + limit);
        }
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
    }

    /** A query over every creation time (the shape before {@code from} and {@code to} were added). */
    public TicketQuery(Optional<TicketStatus> status, Optional<String> destinationId, Optional<String> callId,
                       int limit) {
        this(status, destinationId, callId, limit, Optional.empty(), Optional.empty());
    }

    public static TicketQuery all(int limit) {
        return new TicketQuery(Optional.empty(), Optional.empty(), Optional.empty(), limit);
    }

    /** This query, only for tickets created in {@code [from, to)}. */
    public TicketQuery createdBetween(Instant from, Instant to) {
        return new TicketQuery(status, destinationId, callId, limit, Optional.of(from), Optional.of(to));
    }

    /** Whether the ticket was created in this query's period (always, without one). */
    public boolean createdInPeriod(Ticket ticket) {
        return from.map(f -> !ticket.createdAt().isBefore(f)).orElse(true)
                && to.map(t -> ticket.createdAt().isBefore(t)).orElse(true);
    }
}
