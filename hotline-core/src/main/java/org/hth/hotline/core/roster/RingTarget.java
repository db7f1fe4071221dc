package org.hth.hotline.core.roster;

import java.util.Objects;

/**
 * One endpoint to ring. Immutable, thread-safe.
 *
 * @param operatorId   whose endpoint
 * @param endpoint     the dial string ({@code PJSIP/op-anna})
 * @param endpointKind console or mobile; on a mobile the operator must press 1 to accept
 */
public record RingTarget(String operatorId, String endpoint, EndpointKind endpointKind) {
    public RingTarget {
        Objects.requireNonNull(operatorId, "operatorId");
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(endpointKind, "endpointKind");
    }

    /** Whether a pick-up counts only once the operator pressed 1. */
    public boolean mustAcceptByKeypress() {
        return endpointKind.mustAcceptByKeypress();
    }
}
