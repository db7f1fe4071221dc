package org.hth.hotline.core.retention;

import java.time.Instant;
import java.util.Objects;

/**
 * One run of the retention job: when it ran and how many records it changed. Holds counts only, never content.
 *
 * @param at              when the run started
 * @param calls           call records anonymised
 * @param tickets         tickets anonymised
 * @param callbackNumbers expired sealed callback numbers erased
 */
public record RetentionRun(Instant at, int calls, int tickets, int callbackNumbers) {
    public RetentionRun {
        Objects.requireNonNull(at, "at");
        if (calls < 0 || tickets < 0 || callbackNumbers < 0) {
            throw new IllegalArgumentException("negative count");
        }
    }

    /** A run from the store's two answers. */
    public static RetentionRun of(Instant at, Anonymised anonymised, int callbackNumbers) {
        return new RetentionRun(at, anonymised.calls(), anonymised.tickets(), callbackNumbers);
    }
}
