package org.hth.hotline.dispatcher.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
 * Claims due outbox entries and delivers them, up to {@code workers} at once. Store calls run through
 * {@code executeBlocking}; everything else runs on this verticle's event loop, so its own fields need
 * no locks. An entry is postponed (not counted as an attempt) while an older entry of its ticket and
 * destination is undelivered, while its destination's circuit is open, or while its destination already
 * has half the workers (one, once it fails) — so a dead unit never holds the workers the others need.
 * Besides its periodic poll it looks for due entries as soon as a {@code ticket.created} live event says
 * this process has just written some, so a new referral does not wait for the next poll. The destinations are
 * read at each attempt, so a coordinator's change of URL applies to the next attempt; while a destination is
 * disabled its entries wait in the outbox (postponed, never dead letters) and go once it is enabled again.
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
    private final DeliveryParts parts;
    private final Map<String, Integer> inFlightByDestination = new HashMap<>();
    private int inFlight;
    private boolean polling;
    private boolean pollAgain;
    private AutoCloseable wakeUps;
    private boolean stopped;
    private long pollTimer;

    public DeliveryVerticle(DeliveryParts parts) {
        this.parts = parts;
    }

    @Override
    public Future<?> start() {
        pollTimer = vertx.setPeriodic(parts.config().pollInterval().toMillis(), id -> poll());
        wakeUps = parts.live().subscribe(event -> {
            if (TICKET_CREATED.equals(event.type())) {
                context.runOnContext(v -> poll());
            }
        });
        poll();
        return Future.succeededFuture();
    }

    @Override
    public Future<?> stop() {
        stopped = true;
        vertx.cancelTimer(pollTimer);
        try {
            wakeUps.close();
        } catch (Exception e) {
            log.warn("unsubscribing from live events failed: {}", e.toString());
        }
        return Future.succeededFuture();
    }

    private Clock clock() {
        return parts.clock();
    }

    private void poll() {
        int room = parts.config().workers() - inFlight;
        if (polling) {
            pollAgain = true;
            return;
        }
        if (stopped || room <= 0) {
            return;
        }
        polling = true;
        pollAgain = false;
        vertx.executeBlocking(() -> parts.settlement().claim(room), false).onComplete(claimed -> {
            polling = false;
            if (claimed.failed()) {
                log.warn("claiming outbox entries failed: {}", claimed.cause().toString());
                return;
            }
            List<ClaimedEntry> batch = claimed.result();
            for (ClaimedEntry entry : batch) {
                inFlight++;
                deliver(entry).onComplete(done -> {
                    inFlight--;
                    if (done.failed()) {
                        log.warn("delivery of outbox entry {} failed: {}", entry.id(), done.cause().toString());
                    }
                    poll();
                });
            }
            if (batch.size() == room || pollAgain) {
                poll();
            }
        });
    }

    private Future<Settled> deliver(ClaimedEntry claimed) {
        OutboxEntry entry = claimed.entry();
        Optional<Destination> destination = parts.destinations().get().find(entry.destinationId());
        if (destination.isEmpty()) {
            return blocking(() -> parts.settlement().abandon(claimed, "destination " + entry.destinationId()
                    + " is unknown")).onSuccess(s -> after(claimed, s));
        }
        if (!destination.get().enabled() || !destination.get().configured()) {
            // disabled by a coordinator, or waiting for its URL or secret: the referral stays in the outbox
            return postpone(claimed, clock().instant().plus(WAITING_RECHECK));
        }
        return blocking(() -> parts.settlement().waitsForAnOlderEntry(claimed)).compose(waits -> {
            Instant now = clock().instant();
            if (waits) {
                return postpone(claimed, now.plus(parts.config().pollInterval()));
            }
            CircuitBreaker circuit = parts.circuits().of(entry.destinationId());
            int limit = circuit.failures() > 0 ? 1 : Math.max(1, parts.config().workers() / 2);
            boolean busy = inFlightByDestination.getOrDefault(entry.destinationId(), 0) >= limit;
            if (busy || !circuit.allow(now)) {
                parts.alerts().observe(entry.destinationId(), circuit.failingSince(), now);
                return postpone(claimed, busy ? now.plus(parts.config().pollInterval()) : circuit.retryAt(now));
            }
            return send(claimed, destination.get(), circuit);
        });
    }

    private Future<Settled> send(ClaimedEntry claimed, Destination destination, CircuitBreaker circuit) {
        String id = destination.id();
        inFlightByDestination.merge(id, 1, Integer::sum);
        return parts.sender().send(destination, claimed.entry()).compose(attempt -> {
            inFlightByDestination.merge(id, -1, Integer::sum);
            Verdict verdict = RetryPolicy.classify(attempt.status(), attempt.retryAfter(), attempt.error(), clock());
            if (verdict instanceof Verdict.Retry) {
                circuit.failure(clock().instant());
            } else {
                circuit.success();
            }
            parts.alerts().observe(id, circuit.failingSince(), clock().instant());
            return blocking(() -> parts.settlement().settle(claimed, attempt, verdict))
                    .onSuccess(settled -> after(claimed, settled));
        });
    }

    private Future<Settled> postpone(ClaimedEntry claimed, Instant until) {
        return blocking(() -> parts.settlement().postpone(claimed, until));
    }

    private void after(ClaimedEntry claimed, Settled settled) {
        OutboxEntry entry = claimed.entry();
        Instant now = clock().instant();
        switch (settled) {
            case DELIVERED -> {
                parts.metrics().count(entry.destinationId(), "delivered");
                parts.metrics().delivered(entry.destinationId(), java.time.Duration.between(entry.createdAt(), now));
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

    private <T> Future<T> blocking(java.util.concurrent.Callable<T> work) {
        return vertx.executeBlocking(work, false);
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
