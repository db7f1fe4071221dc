package org.hth.hotline.core.roster;

import java.time.Instant;
import java.util.Objects;

/**
 * An operator's presence and since when.
 *
 * @param operatorId the roster id
 * @param state      available, away, on a call or in wrap-up
 * @param since      when it was set
 */
public record Presence(String operatorId, PresenceState state, Instant since) {
    public Presence {
        Objects.requireNonNull(operatorId, "operatorId");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(since, "since");
    }
}
