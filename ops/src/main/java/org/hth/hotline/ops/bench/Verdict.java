package org.hth.hotline.ops.bench;

/** Whether a row met its target. */
public enum Verdict {
    MET("yes"),
    MISSED("NO"),
    /** A figure shown for information, without a target. */
    NO_TARGET("-"),
    /** Not measured: the part it needs is not in this build, or a service (Redis) was not given. */
    NOT_AVAILABLE("n/a"),
    /** The scenario failed while running; the row's note says how. */
    FAILED("FAILED");

    private final String shown;

    Verdict(String shown) {
        this.shown = shown;
    }

    /** As printed in the table's last column. */
    public String shown() {
        return shown;
    }
}
