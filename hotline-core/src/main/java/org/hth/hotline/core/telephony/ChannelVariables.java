package org.hth.hotline.core.telephony;

/**
 * The channel variables the {@code route} script sets on the caller's channel: the contract between the
 * script (which decides), the AMI call tracker (which sees them as {@code VarSet} events and writes the
 * record) and the dialplan (which reads {@code HOTLINE_OUTCOME} after the script). None of them ever holds
 * the caller's number.
 */
public final class ChannelVariables {
    /** The call id: Asterisk's linkedid of the caller's channel. */
    public static final String CALL_ID = "HOTLINE_CALL_ID";
    /** The caller's pseudonym, or {@value #WITHHELD} when the number was withheld or unusable. */
    public static final String CALLER = "HOTLINE_CALLER";
    /** The language chosen, ISO 639-1. */
    public static final String LANGUAGE = "HOTLINE_LANG";
    /** The escalation step about to ring, 1-based; set before each {@code Dial}. */
    public static final String STEP = "HOTLINE_STEP";
    /** The roster id of the operator who accepted the call. */
    public static final String ANSWERED_BY = "HOTLINE_ANSWERED_BY";
    /**
     * How the script settled the call: a {@link org.hth.hotline.core.call.CallOutcome} name. Empty after the
     * script means it did not finish, and the dialplan rings the fallback itself.
     */
    public static final String OUTCOME = "HOTLINE_OUTCOME";
    /** The callback ticket opened for a missed call. */
    public static final String CALLBACK_TICKET = "HOTLINE_CALLBACK_TICKET";
    /** The line dialled, set by the dialplan before the script runs. */
    public static final String LINE = "HOTLINE_LINE";

    /** The value of {@link #CALLER} when there is no usable number. */
    public static final String WITHHELD = "withheld";

    private ChannelVariables() {
    }
}
