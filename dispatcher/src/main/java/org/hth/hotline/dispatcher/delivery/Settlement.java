package org.hth.hotline.dispatcher.delivery;

import java.util.List;

import org.hth.hotline.core.outbox.ClaimedEntry;

/**
 * The dispatcher's blocking side: claims and settling in the store, each a batch in one store call.
 * Called from worker threads only ({@code executeBlocking}). Implementations are thread-safe.
 */
public interface Settlement {

    /** What became of a settled entry. */
    enum Settled { DELIVERED, RETRY_SCHEDULED, DEAD, POSTPONED, LEASE_LOST }

    /**
     * Claims up to {@code max} due entries, never one whose ticket has an older undelivered entry for the
     * same destination.
     */
    List<ClaimedEntry> claim(int max);

    /**
     * Logs each attempt and settles each entry as its outcome says, all in one store call; a delivery that
     * completes its ticket's deliveries marks the ticket {@code DISPATCHED}.
     *
     * @return what became of each entry, in the same order
     */
    List<Settled> settle(List<Outcome> outcomes);
}
