package org.hth.hotline.standin.call;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the caller does.
 *
 * @param number      caller number; empty when withheld
 * @param name        caller name; empty when none
 * @param keys        one entry per prompt that reads digits ({@code GET DATA}, {@code WAIT FOR DIGIT},
 *                    {@code Read}): the digits pressed, or "" to press nothing; later prompts get nothing
 * @param keyDelay    how long after a prompt starts the caller presses the first key
 * @param hangupAfter when the caller hangs up, from the start of the call; empty = stays until the other side
 *                    hangs up
 */
public record CallerBehaviour(String number, String name, List<String> keys, Duration keyDelay,
                              Optional<Duration> hangupAfter) {
    public CallerBehaviour {
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(name, "name");
        keys = List.copyOf(keys);
        Objects.requireNonNull(keyDelay, "keyDelay");
        Objects.requireNonNull(hangupAfter, "hangupAfter");
    }

    public boolean withheld() {
        return number.isEmpty();
    }

    /** The recordings' caller: "Test Caller" 3331234567, no keys, stays. */
    public static CallerBehaviour testCaller() {
        return new CallerBehaviour("3331234567", "Test Caller", List.of(), Duration.ofMillis(700), Optional.empty());
    }

    public CallerBehaviour withKeys(String... newKeys) {
        return new CallerBehaviour(number, name, List.of(newKeys), keyDelay, hangupAfter);
    }

    public CallerBehaviour hangingUpAfter(Duration d) {
        return new CallerBehaviour(number, name, keys, keyDelay, Optional.of(d));
    }
}
