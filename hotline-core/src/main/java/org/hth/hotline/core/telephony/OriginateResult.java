package org.hth.hotline.core.telephony;

import java.util.Objects;

/**
 * How an {@code Originate} ended: answered (the application then ran), or not, with Asterisk's reason in words.
 *
 * @param answered whether the first channel answered
 * @param detail   e.g. {@code answered}, {@code no answer}, {@code busy}, {@code the PBX is not connected}
 */
public record OriginateResult(boolean answered, String detail) {
    public OriginateResult {
        Objects.requireNonNull(detail, "detail");
    }

    public static OriginateResult success() {
        return new OriginateResult(true, "answered");
    }

    public static OriginateResult failed(String detail) {
        return new OriginateResult(false, detail);
    }

    /** Asterisk's {@code OriginateResponse} reason code in words (see {@code ast_control_frame_type}). */
    public static String reason(Integer code) {
        if (code == null) {
            return "failed";
        }
        return switch (code) {
            case 0 -> "failed (no such channel or extension)";
            case 1 -> "hung up";
            case 3 -> "no answer";
            case 4 -> "answered";
            case 5 -> "busy";
            case 8 -> "congestion";
            default -> "failed (reason " + code + ")";
        };
    }
}
