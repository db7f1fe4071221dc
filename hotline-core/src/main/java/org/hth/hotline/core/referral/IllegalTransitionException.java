package org.hth.hotline.core.referral;

import org.hth.hotline.core.HotlineException;

/** A status change the life cycle does not allow, e.g. {@code OPEN → DONE}. */
public class IllegalTransitionException extends HotlineException {
    private final String ticketId;
    private final TicketStatus from;
    private final TicketStatus to;

    public IllegalTransitionException(String ticketId, TicketStatus from, TicketStatus to) {
        super("ticket " + ticketId + " cannot go from " + from + " to " + to);
        this.ticketId = ticketId;
        this.from = from;
        this.to = to;
    }

    public String ticketId() {
        return ticketId;
    }

    public TicketStatus from() {
        return from;
    }

    public TicketStatus to() {
        return to;
    }
}
