package org.hth.hotline.core.outbox;

import java.util.Objects;

/**
 * What settling one claimed entry did.
 *
 * @param entryId         the entry
 * @param held            whether the claim still held the entry (false: another claimer took it over, nothing
 *                        but the attempt was written)
 * @param ticketDelivered whether this settlement left every entry of the entry's ticket delivered
 */
public record SettlementResult(String entryId, boolean held, boolean ticketDelivered) {
    public SettlementResult {
        Objects.requireNonNull(entryId, "entryId");
    }
}
