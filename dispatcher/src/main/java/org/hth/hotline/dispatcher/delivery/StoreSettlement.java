package org.hth.hotline.dispatcher.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.hth.hotline.core.outbox.ClaimedEntry;
import org.hth.hotline.core.outbox.DeliveryAttempt;
import org.hth.hotline.core.outbox.OutboxEntry;
import org.hth.hotline.core.outbox.OutboxState;
import org.hth.hotline.core.referral.TicketStatusService;
import org.hth.hotline.core.store.LeaseLostException;
import org.hth.hotline.core.store.Store;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link Settlement} on the store: every attempt goes into the delivery log before the entry is
 * settled; a delivery that completes the ticket's deliveries marks it {@code DISPATCHED}. A lost lease
 * (another node took the entry over) is reported, not thrown. Blocking; thread-safe.
 */
public final class StoreSettlement implements Settlement {
    private static final Logger log = LoggerFactory.getLogger(StoreSettlement.class);
    private final Store store;
    private final TicketStatusService statuses;
    private final RetryPolicy retry;
    private final Clock clock;
    private final String claimer;
    private final Duration lease;

    public StoreSettlement(Store store, TicketStatusService statuses, RetryPolicy retry, Clock clock, String claimer,
                           Duration lease) {
        this.store = store;
        this.statuses = statuses;
        this.retry = retry;
        this.clock = clock;
        this.claimer = claimer;
        this.lease = lease;
    }

    @Override
    public List<ClaimedEntry> claim(int max) {
        return store.outbox().claim(claimer, max, lease);
    }

    @Override
    public boolean waitsForAnOlderEntry(ClaimedEntry claimed) {
        OutboxEntry entry = claimed.entry();
        return store.outbox().forTicket(entry.ticketId()).stream()
                .filter(e -> e.destinationId().equals(entry.destinationId()) && !e.id().equals(entry.id()))
                .filter(e -> e.createdAt().isBefore(entry.createdAt())
                        || e.createdAt().equals(entry.createdAt()) && e.id().compareTo(entry.id()) < 0)
                .anyMatch(e -> e.state() != OutboxState.DELIVERED);
    }

    @Override
    public Settled postpone(ClaimedEntry claimed, Instant until) {
        return guarded(claimed, () -> {
            store.outbox().postpone(claimed, until);
            return Settled.POSTPONED;
        });
    }

    @Override
    public Settled settle(ClaimedEntry claimed, Attempt attempt, Verdict verdict) {
        OutboxEntry entry = claimed.entry();
        store.outbox().recordAttempt(new DeliveryAttempt(entry.id(), entry.destinationId(), attempt.at(),
                attempt.status(), attempt.latencyMillis(), attempt.error().or(() -> errorOf(verdict))));
        return guarded(claimed, () -> {
            if (verdict instanceof Verdict.Delivered) {
                store.outbox().complete(claimed);
                markDispatchedWhenAllDelivered(entry.ticketId());
                return Settled.DELIVERED;
            }
            if (verdict instanceof Verdict.Permanent permanent) {
                store.outbox().deadLetter(claimed, permanent.error());
                return Settled.DEAD;
            }
            Verdict.Retry again = (Verdict.Retry) verdict;
            Optional<Instant> next = retry.nextAttempt(entry.attempts() + 1, again.retryAfter(), clock.instant());
            if (next.isEmpty()) {
                store.outbox().deadLetter(claimed, again.error() + " (after " + (entry.attempts() + 1) + " attempts)");
                return Settled.DEAD;
            }
            store.outbox().retryLater(claimed, next.get(), again.error());
            return Settled.RETRY_SCHEDULED;
        });
    }

    @Override
    public Settled abandon(ClaimedEntry claimed, String why) {
        return guarded(claimed, () -> {
            store.outbox().deadLetter(claimed, why);
            return Settled.DEAD;
        });
    }

    private void markDispatchedWhenAllDelivered(String ticketId) {
        if (store.outbox().forTicket(ticketId).stream().allMatch(e -> e.state() == OutboxState.DELIVERED)) {
            statuses.markDispatched(ticketId);
        }
    }

    private static Optional<String> errorOf(Verdict verdict) {
        if (verdict instanceof Verdict.Permanent p) {
            return Optional.of(p.error());
        }
        return verdict instanceof Verdict.Retry r ? Optional.of(r.error()) : Optional.empty();
    }

    private static Settled guarded(ClaimedEntry claimed, java.util.function.Supplier<Settled> step) {
        try {
            return step.get();
        } catch (LeaseLostException e) {
            log.warn("outbox entry {} was taken over by another dispatcher before it was settled here", claimed.id());
            return Settled.LEASE_LOST;
        }
    }
}
