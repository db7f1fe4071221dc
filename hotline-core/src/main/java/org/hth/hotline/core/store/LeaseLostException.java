package org.hth.hotline.core.store;

/**
 * A claimer tried to settle an outbox entry whose lease it no longer holds: the lease ran out and
 * another claimer took the entry, or the entry was already settled.
 */
public class LeaseLostException extends StoreException {
    private final String entryId;

    public LeaseLostException(String entryId) {
        super("lease on outbox entry " + entryId + " is no longer held");
        this.entryId = entryId;
    }

    public String entryId() {
        return entryId;
    }
}
