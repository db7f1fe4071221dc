package org.hth.hotline.dispatcher.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * One destination's circuit: after {@code threshold} consecutive failures it opens for {@code openFor};
 * then one trial request is let through (half-open): success closes it, failure opens it again. It also
 * remembers since when the destination has been failing, for the lasting alert. Time comes from the
 * caller. Thread-safe (synchronised; read by health checks and metrics on other threads).
 */
public final class CircuitBreaker {
    /** Circuit states, with the gauge value each reports. */
    public enum State {
        CLOSED(0), HALF_OPEN(1), OPEN(2);

        private final int gauge;

        State(int gauge) {
            this.gauge = gauge;
        }

        public int gauge() {
            return gauge;
        }
    }

    private final int threshold;
    private final Duration openFor;
    private State state = State.CLOSED;
    private int failures;
    private Instant openUntil = Instant.MIN;
    private boolean trialInFlight;
    private Optional<Instant> failingSince = Optional.empty();

    public CircuitBreaker(int threshold, Duration openFor) {
        this.threshold = threshold;
        this.openFor = openFor;
    }

    /** Whether a request may go now; an open circuit past its wait lets exactly one trial through. */
    public synchronized boolean allow(Instant now) {
        if (state == State.OPEN && !now.isBefore(openUntil)) {
            state = State.HALF_OPEN;
            trialInFlight = false;
        }
        if (state == State.HALF_OPEN) {
            if (trialInFlight) {
                return false;
            }
            trialInFlight = true;
            return true;
        }
        return state == State.CLOSED;
    }

    /** When a refused request may be tried again. */
    public synchronized Instant retryAt(Instant now) {
        return state == State.OPEN && openUntil.isAfter(now) ? openUntil : now.plus(openFor);
    }

    public synchronized void success() {
        state = State.CLOSED;
        failures = 0;
        trialInFlight = false;
        failingSince = Optional.empty();
    }

    public synchronized void failure(Instant now) {
        failures++;
        if (failingSince.isEmpty()) {
            failingSince = Optional.of(now);
        }
        if (state == State.HALF_OPEN || failures >= threshold) {
            state = State.OPEN;
            openUntil = now.plus(openFor);
            trialInFlight = false;
        }
    }

    public synchronized State state() {
        return state;
    }

    /** Consecutive failures so far. */
    public synchronized int failures() {
        return failures;
    }

    /** Since when every attempt has failed, if the last one did. */
    public synchronized Optional<Instant> failingSince() {
        return failingSince;
    }
}
