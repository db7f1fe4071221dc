package org.hth.hotline.core.roster;

import java.util.Objects;

/** What happens once every escalation step is exhausted, in order. Immutable, thread-safe. */
public sealed interface FallbackStep {

    /** Dial this (the national line) for so many seconds. */
    record Dial(String dialString, int seconds) implements FallbackStep {
        public Dial {
            Objects.requireNonNull(dialString, "dialString");
            if (seconds < 1 || seconds > EscalationStep.MAX_RING_SECONDS) {
                throw new IllegalArgumentException("ring seconds not in 1..300: " + seconds);
            }
        }
    }

    /** Leave the caller in this voicemail box ({@code hotline@default}). */
    record Voicemail(String box) implements FallbackStep {
        public Voicemail {
            Objects.requireNonNull(box, "box");
        }
    }
}
