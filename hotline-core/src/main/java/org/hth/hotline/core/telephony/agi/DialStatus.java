package org.hth.hotline.core.telephony.agi;

import java.util.Locale;

/**
 * Asterisk's {@code DIALSTATUS} after {@code Dial}. {@link #CANCEL} means the caller hung up while it rang.
 * A mobile operator who did not press 1 ends as {@link #BUSY}: the shipped {@code hotline-accept} gosub sets
 * {@code GOSUB_RESULT=BUSY} (with {@code CONTINUE}, Asterisk would leave {@code DIALSTATUS=ANSWER}).
 */
public enum DialStatus {
    ANSWER, NOANSWER, BUSY, CHANUNAVAIL, CONGESTION, CANCEL, DONTCALL, TORTURE, INVALIDARGS, UNKNOWN;

    /** The status named by the variable's value; {@link #UNKNOWN} for anything else, empty or missing. */
    public static DialStatus parse(String value) {
        if (value == null) {
            return UNKNOWN;
        }
        try {
            return valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return UNKNOWN;
        }
    }

    /** Whether escalation goes on to the next step: nobody took the call, and the caller is still there. */
    public boolean movesOn() {
        return this != ANSWER && this != CANCEL;
    }
}
