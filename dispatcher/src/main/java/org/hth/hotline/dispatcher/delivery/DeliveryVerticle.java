package org.hth.hotline.dispatcher.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import org.hth.hotline.core.destination.Destination;
import org.hth.hotline.core.destination.Destinations;
import org.hth.hotline.core.live.LiveEvent;
import org.hth.hotline.core.live.LiveEvents;
import org.hth.hotline.core.outbox.ClaimedEntry;
import org.hth.hotline.core.outbox.OutboxEntry;
import org.hth.hotline.dispatcher.delivery.Settlement.Settled;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Claims due outbox entries and delivers them, up to {@code workers} requests at once. The store is used
 * in batches, through two lanes that each run one {@code executeBlocking} at a time: one claims as many
 * entries as there is room for (one store call); the other settles every outcome that has come in since
 * its last call (one store call), gathered for 5 ms first. Everything else runs on this verticle's event
 * loop, so its own fields need no locks.
 * <p>
 * A claimed entry waits, under its lease, in its destination's queue until that destination has a free
 * worker: half the workers (one, once it fails), so a dead unit never holds the workers the others need.
 * A destination's queue holds {@code 4 × workers} entries at most, and claims stop while {@code 8 × workers}
 * are sent or waiting. An entry is postponed (not counted as an attempt) while its destination's circuit is
 * open, while its destination is disabled or not configured, when its destination's queue is full (due again after
 * {@link #OVERFLOW_RECHECK}, and claimed again then), and when it has waited half its lease (given back, due at
 * once). Order per ticket and destination comes from the claim, which never returns an entry with an older one
 * undelivered.
 * <p>
 * A claim starts at once on a {@code ticket.created} live event (this process has just written entries),
 * after a full claim (more may be due), and on the periodic poll, which also picks up an entry that was
 * held back behind an older one of its ticket and destination; a settlement as soon as an outcome comes in.
 * <p>
 * The destinations are read at each attempt, so a coordinator's change of URL applies to the next attempt;
 * while a destination is disabled, or waits for its URL or secret, its entries stay in the outbox (postponed
 * by {@link #WAITING_RECHECK}, never dead letters) and go once it is enabled again.
 */
public final class DeliveryVerticle extends VerticleBase {
    private static final Logger log = LoggerFactory.getLogger(DeliveryVerticle.class);
    /**
     * How long an entry for a destination a coordinator disabled, or one still without URL or secret, waits before
     * it is looked at again (destinations are read afresh at each attempt: a change applies within this time).
     */
    static final Duration WAITING_RECHECK = Duration.ofSeconds(5);
    /** The live event after which new entries are due at once. */
    private static final String TICKET_CREATED = "ticket.created";
    /** How many claimed entries a destination may have waiting, per worker: claims come in batches. */
    private static final int WAITING_PER_WORKER = 4;
    /**
     * How soon an entry is claimed again when its destination's queue was full at its claim (its destination's
     * workers empty a full queue within milliseconds; the periodic poll would leave it a whole interval).
     */
    static final Duration OVERFLOW_RECHECK = Duration.ofMillis(20);
    /** How long outcomes are gathered before they are settled in one store call. */
    private static final Duration SETTLE_GATHERING = Duration.ofMillis(5);
    private final DeliveryParts parts;
    private final WaitingEntries waiting;
    private final Map<String, Integer> sendingTo = new HashMap<>();
    private List<Outcome> toSettle = new ArrayList<>();
    private int sending;
    private boolean claiming;
    private boolean settling;
    private boolean settleDue;
    private boolean claimWanted;
    private boolean pumping;
    private boolean pumpAgain;
    /** Whether {@link #toSettle} gives back an entry whose destination's queue was full. */
    private boolean overflowToSettle;
    private AutoCloseable wakeUps;
    /** Whether a wake-up for new entries is queued on this verticle's context (set from the openers' threads). */
    private final AtomicBoolean wakeQueued = new AtomicBoolean();
    private boolean stopped;
    private long pollTimer;

    public DeliveryVerticle(DeliveryParts parts) {
        this.parts = parts;
        this.waiting = new WaitingEntries(WAITING_PER_WORKER * workers());
    }

    @Override
    public Future<?> start() {
        pollTimer = vertx.setPeriodic(parts.config().pollInterval().toMillis(), id -> wake());
        wakeUps = parts.live().subscribe(event -> {
            // one wake-up queued at a time: its claim starts after every event that found it queued was published
            if (TICKET_CREATED.equals(event.type()) && wakeQueued.compareAndSet(false, true)) {
                context.runOnContext(v -> {
                    wakeQueued.set(false);
                    wake();
                });
            }
        });
        wake();
        return Future.succeededFuture();
    }

    /**
     * Stops claiming; settles the outcomes in hand and gives the entries still waiting back (due now) for
     * another node or a restart.
     */
    @Override
    public Future<?> stop() {
        stopped = true;
        vertx.cancelTimer(pollTimer);
        try {
            wakeUps.close();
        } catch (Exception e) {
            log.warn("unsubscribing from live events failed: {}", e.toString());
        }
        Instant now = clock().instant();
        List<Outcome> givenBack = new ArrayList<>(toSettle);
        toSettle = new ArrayList<>();
        waiting.drain().forEach(claimed -> givenBack.add(new Outcome.Postponed(claimed, now)));
        if (givenBack.isEmpty()) {
            return Future.succeededFuture();
        }
        return vertx.executeBlocking(() -> parts.settlement().settle(givenBack), false)
                .onSuccess(settled -> {
                    for (int i = 0; i < givenBack.size(); i++) {
                        after(givenBack.get(i).claimed(), settled.get(i));
                    }
                })
                .otherwise(failure -> {
                    log.warn("settling or giving back {} outbox entries failed; their leases will run out: {}",
                            givenBack.size(), failure.toString());
                    return List.of();
                });
    }

    private Clock clock() {
        return parts.clock();
    }

    private int workers() {
        return parts.config().workers();
    }

    private void wake() {
        claimWanted = true;
        claim();
    }

    /** Claims as many entries as there is room for, unless a claim is under way or nobody asked. */
    private void claim() {
        int room = stopped ? 0 : capacity() - sending - waiting.size();
        if (claiming || !claimWanted || room <= 0) {
            return;
        }
        claimWanted = false;
        claiming = true;
        vertx.executeBlocking(() -> parts.settlement().claim(room), false).onComplete(done -> {
            claiming = false;
            if (done.failed()) {
                log.warn("claiming outbox entries failed: {}", done.cause().toString());
                return; // the next poll tries again
            }
            List<ClaimedEntry> claimed = done.result();
            claimWanted |= claimed.size() == room;
            if (stopped) {
                Instant now = clock().instant();
                claimed.forEach(entry -> toSettle.add(new Outcome.Postponed(entry, now)));
            } else {
                claimed.forEach(this::accept);
            }
            pump();
            settle();
            claim();
        });
    }

    /** Settles every outcome in hand in one store call, unless a settlement is under way. */
    private void settle() {
        if (settling || toSettle.isEmpty()) {
            return;
        }
        if (!settleDue) {
            // outcomes that come in together are settled together; a claim waiting for the store goes first
            settling = true;
            vertx.setTimer(SETTLE_GATHERING.toMillis(), id -> {
                settling = false;
                settleDue = true;
                settle();
            });
            return;
        }
        settleDue = false;
        List<Outcome> outcomes = toSettle;
        boolean overflowed = overflowToSettle;
        toSettle = new ArrayList<>();
        overflowToSettle = false;
        settling = true;
        vertx.executeBlocking(() -> parts.settlement().settle(outcomes), false).onComplete(done -> {
            settling = false;
            if (done.failed()) {
                // the entries stay under their lease and are sent again once it runs out (same webhook-id)
                log.warn("settling {} outbox entries failed: {}", outcomes.size(), done.cause().toString());
            } else {
                for (int i = 0; i < outcomes.size(); i++) {
                    after(outcomes.get(i).claimed(), done.result().get(i));
                }
                if (overflowed) {
                    recheckSoon();
                }
            }
            settle();
            claim();
        });
    }

    /** How many entries may be sent or waiting at once. */
    private int capacity() {
        return WAITING_PER_WORKER * 2 * workers();
    }

    /** Queues a claimed entry for its destination, or settles it at once when it cannot be sent. */
    private void accept(ClaimedEntry claimed) {
        OutboxEntry entry = claimed.entry();
        Instant now = clock().instant();
        if (parts.destinations().get().find(entry.destinationId()).isEmpty()) {
            toSettle.add(new Outcome.Abandoned(claimed, "destination " + entry.destinationId() + " is unknown"));
        } else if (deliverable(entry.destinationId()).isEmpty()) {
            // disabled by a coordinator, or waiting for its URL or secret: the referral stays in the outbox
            toSettle.add(new Outcome.Postponed(claimed, now.plus(WAITING_RECHECK)));
        } else if (!waiting.offer(claimed)) {
            toSettle.add(new Outcome.Postponed(claimed, now.plus(OVERFLOW_RECHECK)));
            overflowToSettle = true;
        }
    }

    /**
     * Claims again once the entries just given back for a full queue are due (they are settled by now). Each
     * settlement that gave entries back has a timer of its own: one timer for several settlements (an earlier
     * one's) could fire before the later one's entries were due, and a claim that then found the queues with room
     * would leave them for the periodic poll.
     */
    private void recheckSoon() {
        vertx.setTimer(OVERFLOW_RECHECK.toMillis() + 1, id -> wake());
    }

    /** Sends waiting entries while workers are free, each destination within its share. */
    private void pump() {
        if (pumping) {
            pumpAgain = true;
            return;
        }
        if (stopped) {
            return;
        }
        pumping = true;
        try {
            do {
                pumpAgain = false;
                boolean moved = true;
                while (moved && sending < workers()) {
                    moved = false;
                    for (String destinationId : waiting.destinations()) {
                        if (sending < workers() && sendNext(destinationId)) {
                            moved = true;
                        }
                    }
                }
            } while (pumpAgain);
        } finally {
            pumping = false;
        }
    }

    /** Sends the next entry waiting for this destination if its share and circuit allow; true when one went. */
    private boolean sendNext(String destinationId) {
        CircuitBreaker circuit = parts.circuits().of(destinationId);
        int limit = circuit.failures() > 0 ? 1 : Math.max(1, workers() / 2);
        if (sendingTo.getOrDefault(destinationId, 0) >= limit) {
            return false;
        }
        Instant now = clock().instant();
        if (!circuit.allow(now)) {
            parts.alerts().observe(destinationId, circuit.failingSince(), now);
            Instant retryAt = circuit.retryAt(now);
            waiting.takeAll(destinationId).forEach(claimed -> toSettle.add(new Outcome.Postponed(claimed, retryAt)));
            return false;
        }
        Optional<ClaimedEntry> next = waiting.take(destinationId);
        if (next.isEmpty()) {
            return false;
        }
        ClaimedEntry claimed = next.get();
        if (claimed.leaseUntil().isBefore(now.plus(parts.config().lease().dividedBy(2)))) {
            toSettle.add(new Outcome.Postponed(claimed, now)); // waited half its lease: give it back, no second sender
            return true;
        }
        Optional<Destination> destination = deliverable(destinationId);
        if (destination.isEmpty()) {
            // disabled (or its URL removed) while the entry waited for a worker: it stays in the outbox
            toSettle.add(new Outcome.Postponed(claimed, now.plus(WAITING_RECHECK)));
            return true;
        }
        send(claimed, destination.get(), circuit);
        return true;
    }

    /**
     * The destination as it is now, when its entries may be sent: known, enabled by the coordinators, with its
     * URL and secret. The destinations are read afresh each time, so a change applies to the next attempt.
     */
    private Optional<Destination> deliverable(String destinationId) {
        return parts.destinations().get().find(destinationId).filter(d -> d.enabled() && d.configured());
    }

    private void send(ClaimedEntry claimed, Destination destination, CircuitBreaker circuit) {
        String id = destination.id();
        sending++;
        sendingTo.merge(id, 1, Integer::sum);
        parts.sender().send(destination, claimed.entry()).onComplete(done -> {
            sending--;
            sendingTo.merge(id, -1, Integer::sum);
            Attempt attempt = done.succeeded() ? done.result() : new Attempt(clock().instant(), OptionalInt.empty(),
                    Optional.empty(), 0, Optional.of(done.cause().toString()));
            Verdict verdict = RetryPolicy.classify(attempt.status(), attempt.retryAfter(), attempt.error(), clock());
            if (verdict instanceof Verdict.Retry) {
                circuit.failure(clock().instant());
            } else {
                circuit.success();
            }
            parts.alerts().observe(id, circuit.failingSince(), clock().instant());
            toSettle.add(new Outcome.Sent(claimed, attempt, verdict));
            pump();
            settle();
            claim();
        });
    }

    private void after(ClaimedEntry claimed, Settled settled) {
        OutboxEntry entry = claimed.entry();
        Instant now = clock().instant();
        switch (settled) {
            case DELIVERED -> {
                parts.metrics().count(entry.destinationId(), "delivered");
                parts.metrics().delivered(entry.destinationId(), Duration.between(entry.createdAt(), now));
                parts.live().publish(new LiveEvent("delivery.succeeded", now, Map.of("entry", entry.id(),
                        "ticket", entry.ticketId(), "destination", entry.destinationId())));
            }
            case DEAD -> {
                parts.metrics().count(entry.destinationId(), "dead");
                log.error("outbox entry {} of ticket {} for {} is a dead letter", entry.id(), entry.ticketId(),
                        entry.destinationId());
                parts.live().publish(new LiveEvent("delivery.dead", now, Map.of("entry", entry.id(),
                        "ticket", entry.ticketId(), "destination", entry.destinationId())));
            }
            case RETRY_SCHEDULED -> parts.metrics().count(entry.destinationId(), "retried");
            case POSTPONED, LEASE_LOST -> { }
        }
    }

    /**
     * Everything a delivery verticle works with.
     *
     * @param destinations the destinations as they are now, read at each attempt
     */
    public record DeliveryParts(Settlement settlement, WebhookSender sender, Supplier<Destinations> destinations,
                                Circuits circuits, DestinationAlerts alerts, DeliveryMetrics metrics, LiveEvents live,
                                Clock clock, org.hth.hotline.core.config.DispatcherConfig config) {
    }
}
