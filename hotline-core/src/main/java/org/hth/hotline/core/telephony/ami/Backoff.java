package org.hth.hotline.core.telephony.ami;

import java.time.Duration;

/**
 * Exponential back-off: {@code min}, {@code 2·min}, {@code 4·min}, … never more than {@code max}. Immutable.
 *
 * @param min the first delay
 * @param max the cap
 */
record Backoff(Duration min, Duration max) {

    /** The delay before attempt {@code failures + 1}, after {@code failures} failures in a row (1-based). */
    Duration delay(int failures) {
        int doublings = Math.max(0, Math.min(failures - 1, 30));
        Duration delay = min.multipliedBy(1L << doublings);
        return delay.compareTo(max) > 0 ? max : delay;
    }
}
