package org.hth.hotline.core.call;

/** How a call ended, as the Numero Verde's reports count it. */
public enum CallOutcome {
    /** An operator accepted the call. */
    ANSWERED,
    /** The caller hung up before anyone answered. */
    ABANDONED,
    /** Every escalation step was exhausted and the call went to the fallback line. */
    FALLBACK,
    /** The caller reached the voicemail. */
    VOICEMAIL,
    /** The call could not be routed (technical failure). */
    FAILED
}
