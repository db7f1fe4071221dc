package org.hth.hotline.core.outbox;

import java.util.Objects;
import java.util.Optional;

/**
 * How one claimed entry is to be settled, for {@link org.hth.hotline.core.store.OutboxStore#settle}: the
 * attempt to add to the delivery log (none for a postponement) and what becomes of the entry.
 *
 * @param claimed    the claim being settled
 * @param attempt    the attempt made, logged whether or not the lease still holds
 * @param resolution what becomes of the entry if the claim still holds it
 */
public record OutboxSettlement(ClaimedEntry claimed, Optional<DeliveryAttempt> attempt, Resolution resolution) {
    public OutboxSettlement {
        Objects.requireNonNull(claimed, "claimed");
        Objects.requireNonNull(attempt, "attempt");
        Objects.requireNonNull(resolution, "resolution");
        if (attempt.isPresent() && !attempt.get().entryId().equals(claimed.id())) {
            throw new IllegalArgumentException("attempt of " + attempt.get().entryId() + " settled with " + claimed.id());
        }
    }
}
