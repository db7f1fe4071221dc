package org.hth.hotline.core.store;

import java.time.Instant;

import org.hth.hotline.core.retention.Anonymised;

/**
 * Erases personal data that is kept no longer: the retention job's side of the store. Both operations are
 * idempotent (a record already erased is not changed or counted again) and never delete a record. Thread-safe;
 * blocking.
 */
public interface RetentionStore {

    /**
     * For every call that ended before {@code cutoff}: empties its notes and tags and drops the caller's pseudonym
     * (times, language, outcome, attempts, territory and category stay). For every ticket created before
     * {@code cutoff}: empties its summary and drops the person's name.
     *
     * @return how many calls and tickets were changed
     */
    Anonymised anonymiseBefore(Instant cutoff);

    /**
     * Drops every ticket's sealed callback number whose seal has expired at {@code now} (the expiry is read from
     * the seal's {@code v1.<epoch seconds>.} header), or that is not a readable seal at all.
     *
     * @return how many numbers were dropped
     */
    int eraseExpiredCallbackNumbers(Instant now);

    /**
     * Drops one ticket's sealed callback number, once it has been used for the callback.
     *
     * @return whether the ticket had one
     */
    boolean eraseCallbackNumber(String ticketId);
}
