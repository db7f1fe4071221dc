package org.hth.hotline.core.outbox;

import java.time.Instant;
import java.util.Objects;

/** What becomes of a claimed entry when it is settled. */
public sealed interface Resolution {

    /** Delivered (a 2xx). Counts the attempt. */
    record Delivered() implements Resolution { }

    /** The attempt failed: due again at {@code next}, with {@code error} as its last error. Counts the attempt. */
    record RetryAt(Instant next, String error) implements Resolution {
        public RetryAt {
            Objects.requireNonNull(next, "next");
            Objects.requireNonNull(error, "error");
        }
    }

    /** Not attempted now: due again at {@code next}; the attempt count and the last error stay as they were. */
    record Postponed(Instant next) implements Resolution {
        public Postponed {
            Objects.requireNonNull(next, "next");
        }
    }

    /** Given up on until a coordinator replays it. Counts the attempt. */
    record Dead(String error) implements Resolution {
        public Dead {
            Objects.requireNonNull(error, "error");
        }
    }
}
