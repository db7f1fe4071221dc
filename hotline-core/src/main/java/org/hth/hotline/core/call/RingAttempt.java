package org.hth.hotline.core.call;

import java.time.Instant;
import java.util.Objects;

/**
 * One endpoint rung for a call.
 *
 * @param operatorId  the roster id of the operator rung
 * @param endpoint    the Asterisk dial string, e.g. {@code PJSIP/op-anna}
 * @param startedAt   when it started ringing
 * @param result      how the ringing ended
 * @param ringSeconds how long it rang
 * @param step        the escalation step, 1-based
 */
public record RingAttempt(String operatorId, String endpoint, Instant startedAt, RingResult result,
                          long ringSeconds, int step) {
    public RingAttempt {
        Objects.requireNonNull(operatorId, "operatorId");
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(result, "result");
    }
}
