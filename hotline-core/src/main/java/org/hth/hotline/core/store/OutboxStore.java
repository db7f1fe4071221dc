package org.hth.hotline.core.store;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.hth.hotline.core.outbox.ClaimedEntry;
import org.hth.hotline.core.outbox.DeliveryAttempt;
import org.hth.hotline.core.outbox.OutboxDepth;
import org.hth.hotline.core.outbox.OutboxEntry;
import org.hth.hotline.core.outbox.OutboxQuery;
import org.hth.hotline.core.outbox.OutboxSettlement;
import org.hth.hotline.core.outbox.ReplaySelection;
import org.hth.hotline.core.outbox.Resolution;
import org.hth.hotline.core.outbox.SettlementResult;

/**
 * The ticket outbox, shared by any number of dispatcher nodes. Entries are written by
 * {@link TicketStore}; here they are claimed under a lease and settled. Time is the store's
 * {@link java.time.Clock}. Thread-safe.
 */
public interface OutboxStore {

    /**
     * Claims up to {@code max} pending entries that are due (next attempt at or before now) and not
     * under a live lease, oldest first (by next attempt time, then id). Two claimers never hold the
     * same entry at once.
     */
    List<ClaimedEntry> claim(String claimer, int max, Duration lease);

    /**
     * Like {@link #claim}, but leaves out every entry while an older entry (by creation, then id) of the
     * same ticket and destination is not delivered, so that a claimer who sends what it claims keeps each
     * ticket's messages to a destination in order. A left-out entry becomes claimable as soon as the entry
     * before it is delivered.
     */
    List<ClaimedEntry> claimInOrder(String claimer, int max, Duration lease);

    /**
     * Settles claimed entries in one go (one transaction or one script): adds each attempt to the delivery
     * log, whether or not the claim still holds, and applies each resolution whose claim still holds (as
     * {@link #complete}, {@link #retryLater}, {@link #postpone} and {@link #deadLetter} do). Never throws
     * {@link LeaseLostException}: a claim no longer held is reported in its result.
     *
     * @return one result per settlement, in the same order
     */
    List<SettlementResult> settle(List<OutboxSettlement> settlements);

    /**
     * The entry was delivered. Counts the attempt.
     *
     * @throws LeaseLostException when the claim's lease is no longer held
     */
    default void complete(ClaimedEntry claimed) {
        settleOne(claimed, new Resolution.Delivered());
    }

    /**
     * The attempt failed; try again at {@code nextAttemptAt}. Counts the attempt.
     *
     * @throws LeaseLostException when the claim's lease is no longer held
     */
    default void retryLater(ClaimedEntry claimed, Instant nextAttemptAt, String error) {
        settleOne(claimed, new Resolution.RetryAt(nextAttemptAt, error));
    }

    /**
     * Not attempted now (its destination's circuit is open, or an older entry of the same ticket and
     * destination is not delivered yet); due again at {@code nextAttemptAt}. Unlike
     * {@link #retryLater}, the attempt count and the last error stay as they were.
     *
     * @throws LeaseLostException when the claim's lease is no longer held
     */
    default void postpone(ClaimedEntry claimed, Instant nextAttemptAt) {
        settleOne(claimed, new Resolution.Postponed(nextAttemptAt));
    }

    /**
     * Give up on the entry until a coordinator replays it. Counts the attempt.
     *
     * @throws LeaseLostException when the claim's lease is no longer held
     */
    default void deadLetter(ClaimedEntry claimed, String error) {
        settleOne(claimed, new Resolution.Dead(error));
    }

    /**
     * Settles one entry through {@link #settle}, without an attempt of its own to log.
     *
     * @throws LeaseLostException when the claim's lease is no longer held
     */
    private void settleOne(ClaimedEntry claimed, Resolution resolution) {
        if (!settle(List.of(new OutboxSettlement(claimed, Optional.empty(), resolution))).get(0).held()) {
            throw new LeaseLostException(claimed.id());
        }
    }

    /** Puts the selected dead letters back as pending, due now, with their attempt count reset. */
    int replay(ReplaySelection selection);

    Optional<OutboxEntry> find(String entryId);

    /** Entries that match, newest first. */
    List<OutboxEntry> query(OutboxQuery query);

    /** The entries of one ticket, oldest first. */
    List<OutboxEntry> forTicket(String ticketId);

    OutboxDepth depth();

    /** Adds an attempt to the delivery log. */
    void recordAttempt(DeliveryAttempt attempt);

    /** The delivery log of one entry, oldest first. */
    List<DeliveryAttempt> attempts(String entryId);
}
