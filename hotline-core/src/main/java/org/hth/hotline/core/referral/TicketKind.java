package org.hth.hotline.core.referral;

/** A referral opened by an operator, or a callback ticket opened for a missed call. */
public enum TicketKind {
    REFERRAL,
    CALLBACK
}
