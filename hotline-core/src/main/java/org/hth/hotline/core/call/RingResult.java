package org.hth.hotline.core.call;

/** The result of ringing one endpoint, Asterisk's {@code DIALSTATUS} plus the hotline's own cases. */
public enum RingResult {
    ANSWER,
    NOANSWER,
    BUSY,
    CHANUNAVAIL,
    CONGESTION,
    /** The caller hung up while this endpoint was ringing. */
    CANCEL,
    /** A mobile operator picked up but did not press the key that accepts the call. */
    NOT_ACCEPTED
}
