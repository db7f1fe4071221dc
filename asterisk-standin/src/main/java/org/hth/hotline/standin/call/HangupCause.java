package org.hth.hotline.standin.call;

/** Q.850 causes with Asterisk's texts ({@code ast_cause2str}), as in {@code Hangup} events. */
public enum HangupCause {
    NOT_DEFINED(0, "Unknown"),
    NO_ROUTE_DESTINATION(3, "No route to destination"),
    NORMAL_CLEARING(16, "Normal Clearing"),
    USER_BUSY(17, "User busy"),
    NO_ANSWER(19, "User alerting, no answer"),
    ANSWERED_ELSEWHERE(26, "Answered elsewhere"),
    CONGESTION(34, "Circuit/channel congestion");

    private final int code;
    private final String text;

    HangupCause(int code, String text) {
        this.code = code;
        this.text = text;
    }

    public int code() {
        return code;
    }

    public String text() {
        return text;
    }

    /** The cause with this code; unknown codes read as {@link #NORMAL_CLEARING}. */
    public static HangupCause of(int code) {
        for (HangupCause c : values()) {
            if (c.code == code) {
                return c;
            }
        }
        return NORMAL_CLEARING;
    }
}
