package org.hth.hotline.core.callback;

import org.hth.hotline.core.HotlineException;

/** A callback that must not be placed; the message says why in words an operator can read. */
public class CallbackRefusedException extends HotlineException {
    private final String ticketId;

    public CallbackRefusedException(String ticketId, String reason) {
        super(reason);
        this.ticketId = ticketId;
    }

    public String ticketId() {
        return ticketId;
    }
}
