package org.hth.hotline.core.telephony;

/**
 * The AMI actions the server sends to Asterisk (beyond the call tracker's own {@code Ping} and
 * {@code CoreShowChannels}). A port: the live implementation sends over the tracker's AMI connection; tests and
 * servers without AMI use {@link #unavailable}. Implementations are thread-safe; calls block.
 */
public interface AmiActions {

    /** Sends an {@code Originate} and waits for its outcome (the first channel answered, or why not). */
    OriginateResult originate(Originate request);

    /** Actions that always fail with this reason (AMI not configured). */
    static AmiActions unavailable(String reason) {
        return request -> OriginateResult.failed(reason);
    }
}
