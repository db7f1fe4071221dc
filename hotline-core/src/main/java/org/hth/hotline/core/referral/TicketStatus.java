package org.hth.hotline.core.referral;

/** A ticket's life cycle: {@code OPEN → DISPATCHED → ACCEPTED | REJECTED → DONE → CLOSED}. */
public enum TicketStatus {
    OPEN,
    DISPATCHED,
    ACCEPTED,
    REJECTED,
    DONE,
    CLOSED
}
