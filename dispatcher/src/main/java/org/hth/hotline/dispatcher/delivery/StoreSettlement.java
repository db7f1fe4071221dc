package org.hth.hotline.dispatcher.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.hth.hotline.core.outbox.ClaimedEntry;
import org.hth.hotline.core.outbox.DeliveryAttempt;
import org.hth.hotline.core.outbox.OutboxEntry;
import org.hth.hotline.core.outbox.OutboxSettlement;
import org.hth.hotline.core.outbox.OutboxState;
import org.hth.hotline.core.outbox.Resolution;
import org.hth.hotline.core.outbox.SettlementResult;
import org.hth.hotline.core.referral.Ticket;
import org.hth.hotline.core.referral.TicketQuery;
import org.hth.hotline.core.referral.TicketStatus;
import org.hth.hotline.core.referral.TicketStatusService;
import org.hth.hotline.core.store.Store;
import org.hth.hotline.core.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link Settlement} on the store: claims in order ({@code claimInOrder}); settles a batch with one
 * {@code settle} call, which puts every attempt into the delivery log, whether or not the lease still
 * holds; the tickets whose deliveries the batch completes are marked {@code DISPATCHED} together, in one
 * more store call. Tickets that call fails to mark (the store refused it, though it had just settled their
 * deliveries) are marked again with the next claim, at the latest on the next poll, so a passing store error
 * does not leave a delivered referral shown as waiting. The two writes are not one transaction: a node that
 * stops between them (a crash, a kill) leaves its tickets delivered but open, so the first claim, and then a
 * claim every {@link #RECONCILE_EVERY}, also marks dispatched the open tickets (the newest
 * {@value #RECONCILED_AT_MOST}) whose every outbox entry is delivered, whichever node delivered them. A lost lease
 * (another node took the entry over) is reported, not thrown. Blocking; thread-safe.
 */
public final class StoreSettlement implements Settlement {
    private static final Logger log = LoggerFactory.getLogger(StoreSettlement.class);
    static final int MOST_UNMARKED = 10_000;
    /** How often open tickets are looked at for deliveries that were settled but never marked. */
    static final Duration RECONCILE_EVERY = Duration.ofMinutes(10);
    /** How many open tickets, the newest, one reconciliation looks at. */
    static final int RECONCILED_AT_MOST = 1_000;
    private final Store store;
    private final TicketStatusService statuses;
    private final RetryPolicy retry;
    private final Clock clock;
    private final String claimer;
    private final Duration lease;
    /** Tickets delivered everywhere that could not be marked dispatched yet. */
    private final Set<String> unmarked = ConcurrentHashMap.newKeySet();
    /** When open tickets are next reconciled with their deliveries; {@code null}: at the first claim. */
    private volatile Instant reconcileAt;

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
        Instant now = clock.instant();
        if (reconcileAt == null || !now.isBefore(reconcileAt)) {
            reconcileAt = now.plus(RECONCILE_EVERY);
            markDispatched(deliveredButOpen());
        } else if (!unmarked.isEmpty()) {
            markDispatched(List.of());
        }
        return store.outbox().claimInOrder(claimer, max, lease);
    }

    @Override
    public List<Settled> settle(List<Outcome> outcomes) {
        List<OutboxSettlement> settlements = outcomes.stream().map(this::settlement).toList();
        List<SettlementResult> results = store.outbox().settle(settlements);
        List<Settled> settled = new ArrayList<>(results.size());
        List<String> delivered = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            SettlementResult result = results.get(i);
            ClaimedEntry claimed = outcomes.get(i).claimed();
            if (!result.held()) {
                log.warn("outbox entry {} was taken over by another dispatcher before it was settled here", claimed.id());
                settled.add(Settled.LEASE_LOST);
                continue;
            }
            if (result.ticketDelivered()) {
                delivered.add(claimed.entry().ticketId());
            }
            settled.add(what(settlements.get(i).resolution()));
        }
        markDispatched(delivered);
        return settled;
    }

    private OutboxSettlement settlement(Outcome outcome) {
        ClaimedEntry claimed = outcome.claimed();
        if (outcome instanceof Outcome.Postponed postponed) {
            return new OutboxSettlement(claimed, Optional.empty(), new Resolution.Postponed(postponed.until()));
        }
        if (outcome instanceof Outcome.Abandoned abandoned) {
            return new OutboxSettlement(claimed, Optional.empty(), new Resolution.Dead(abandoned.why()));
        }
        Outcome.Sent sent = (Outcome.Sent) outcome;
        OutboxEntry entry = claimed.entry();
        Attempt attempt = sent.attempt();
        DeliveryAttempt logged = new DeliveryAttempt(entry.id(), entry.destinationId(), attempt.at(), attempt.status(),
                attempt.latencyMillis(), attempt.error().or(() -> errorOf(sent.verdict())));
        return new OutboxSettlement(claimed, Optional.of(logged), resolution(entry, sent.verdict()));
    }

    private Resolution resolution(OutboxEntry entry, Verdict verdict) {
        if (verdict instanceof Verdict.Delivered) {
            return new Resolution.Delivered();
        }
        if (verdict instanceof Verdict.Permanent permanent) {
            return new Resolution.Dead(permanent.error());
        }
        Verdict.Retry again = (Verdict.Retry) verdict;
        Optional<Instant> next = retry.nextAttempt(entry.attempts() + 1, again.retryAfter(), clock.instant());
        return next.<Resolution>map(at -> new Resolution.RetryAt(at, again.error()))
                .orElseGet(() -> new Resolution.Dead(again.error() + " (after " + (entry.attempts() + 1) + " attempts)"));
    }

    private static Settled what(Resolution resolution) {
        if (resolution instanceof Resolution.Delivered) {
            return Settled.DELIVERED;
        }
        if (resolution instanceof Resolution.Dead) {
            return Settled.DEAD;
        }
        return resolution instanceof Resolution.RetryAt ? Settled.RETRY_SCHEDULED : Settled.POSTPONED;
    }

    /**
     * The open tickets, the newest {@value #RECONCILED_AT_MOST}, whose outbox entries (one at least) are all
     * delivered; none when the store cannot tell now (tried again at the next reconciliation).
     */
    private List<String> deliveredButOpen() {
        try {
            List<String> delivered = new ArrayList<>();
            for (Ticket ticket : store.tickets().query(new TicketQuery(Optional.of(TicketStatus.OPEN), Optional.empty(),
                    Optional.empty(), RECONCILED_AT_MOST))) {
                List<OutboxEntry> entries = store.outbox().forTicket(ticket.id());
                if (!entries.isEmpty() && entries.stream().allMatch(e -> e.state() == OutboxState.DELIVERED)) {
                    delivered.add(ticket.id());
                }
            }
            if (!delivered.isEmpty()) {
                log.warn("{} open tickets are delivered everywhere but not marked dispatched (a node stopped between"
                        + " its two writes, or is between them now): marking them", delivered.size());
            }
            return delivered;
        } catch (StoreException e) {
            log.warn("cannot look for delivered tickets left open; tried again in {}: {}", RECONCILE_EVERY,
                    e.toString());
            return List.of();
        }
    }

    /**
     * The tickets this batch delivered wholly, with those left unmarked before, marked in one store call. The
     * deliveries are settled already: tickets that cannot be marked are kept for the next try and logged, not
     * failed (at most {@value #MOST_UNMARKED} kept; the log names every one dropped).
     */
    private void markDispatched(List<String> ticketIds) {
        List<String> all = new ArrayList<>(ticketIds);
        for (String earlier : unmarked) {
            if (unmarked.remove(earlier)) {
                all.add(earlier);
            }
        }
        if (all.isEmpty()) {
            return;
        }
        try {
            statuses.markEachDispatched(all);
        } catch (StoreException e) {
            List<String> dropped = new ArrayList<>();
            for (String ticketId : all) {
                if (!unmarked.contains(ticketId) && unmarked.size() >= MOST_UNMARKED) {
                    dropped.add(ticketId);
                } else {
                    unmarked.add(ticketId);
                }
            }
            log.warn("{} tickets are delivered everywhere but could not be marked dispatched; tried again with the"
                    + " next claim: {}", all.size(), e.toString());
            if (!dropped.isEmpty()) {
                log.error("tickets {} are delivered everywhere and will not be marked dispatched by this node: too"
                        + " many wait to be marked", dropped);
            }
        }
    }

    private static Optional<String> errorOf(Verdict verdict) {
        if (verdict instanceof Verdict.Permanent p) {
            return Optional.of(p.error());
        }
        return verdict instanceof Verdict.Retry r ? Optional.of(r.error()) : Optional.empty();
    }
}
