package org.hth.hotline.core.outbox;

import java.time.Instant;
import java.util.Objects;

/**
 * An outbox entry held under a lease by one claimer. When the lease runs out before the claimer
 * completes, fails or dead-letters it, another claimer may take it.
 *
 * @param entry      the entry as claimed
 * @param claimer    who holds it
 * @param token      the adapter's handle on this claim (opaque to callers)
 * @param leaseUntil when the lease runs out
 */
public record ClaimedEntry(OutboxEntry entry, String claimer, String token, Instant leaseUntil) {
    public ClaimedEntry {
        Objects.requireNonNull(entry, "entry");
        Objects.requireNonNull(claimer, "claimer");
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(leaseUntil, "leaseUntil");
    }

    public String id() {
        return entry.id();
    }
}
