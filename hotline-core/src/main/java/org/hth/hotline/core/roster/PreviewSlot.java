package org.hth.hotline.core.roster;

import java.time.ZonedDateTime;
import java.util.Objects;

/**
 * One hour of the on-call preview: who is primary and secondary at its start. Immutable, thread-safe.
 *
 * @param start  the start of the hour in the roster's zone (its offset tells the two 02:00 hours of a
 *               fall-back night apart)
 * @param onCall who is on call at that instant
 */
public record PreviewSlot(ZonedDateTime start, OnCall onCall) {
    public PreviewSlot {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(onCall, "onCall");
    }
}
