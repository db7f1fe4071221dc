package org.hth.hotline.core.telephony.ami;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The state of the PBX connection at one moment.
 *
 * @param state     connecting, connected or disconnected
 * @param since     when it entered that state
 * @param lastError the last failure, in words (never a secret)
 * @param retryIn   when disconnected: the wait before the next attempt
 * @param everConnected whether a login ever succeeded
 */
public record AmiStatus(State state, Instant since, Optional<String> lastError, Optional<Duration> retryIn,
                        boolean everConnected) {
    public AmiStatus {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(since, "since");
        Objects.requireNonNull(lastError, "lastError");
        Objects.requireNonNull(retryIn, "retryIn");
    }

    /** The three states of the connection. */
    public enum State {
        CONNECTING,
        CONNECTED,
        DISCONNECTED
    }
}
