package org.hth.hotline.core.referral;

import org.hth.hotline.core.HotlineException;

/** A destination answered a ticket that was not sent to it. */
public class NotADestinationException extends HotlineException {
    private final String ticketId;
    private final String destinationId;

    public NotADestinationException(String ticketId, String destinationId) {
        super("ticket " + ticketId + " was not sent to " + destinationId);
        this.ticketId = ticketId;
        this.destinationId = destinationId;
    }

    public String ticketId() {
        return ticketId;
    }

    public String destinationId() {
        return destinationId;
    }
}
