package org.hth.hotline.dispatcher.delivery;

import java.util.List;

import org.hth.hotline.core.outbox.ClaimedEntry;

/**
 * The dispatcher's blocking side: claims, order checks and settling in the store. Called from worker
 * threads only ({@code executeBlocking}). Implementations are thread-safe.
 */
public interface Settlement {

    /** What became of a settled entry. */
    enum Settled { DELIVERED, RETRY_SCHEDULED, DEAD, POSTPONED, LEASE_LOST }

    List<ClaimedEntry> claim(int max);

    /** Whether an older entry of the same ticket and destination is not delivered yet. */
    boolean waitsForAnOlderEntry(ClaimedEntry claimed);

    Settled postpone(ClaimedEntry claimed, java.time.Instant until);

    /** Logs the attempt and settles the entry as the verdict says. */
    Settled settle(ClaimedEntry claimed, Attempt attempt, Verdict verdict);

    /** Dead-letters an entry that cannot be attempted at all (its destination is gone or disabled). */
    Settled abandon(ClaimedEntry claimed, String why);
}
