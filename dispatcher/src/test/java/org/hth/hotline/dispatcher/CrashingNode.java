package org.hth.hotline.dispatcher;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.ext.web.client.WebClient;
import org.hth.hotline.core.config.DispatcherConfig;
import org.hth.hotline.core.destination.Destinations;
import org.hth.hotline.core.live.LiveEvents;
import org.hth.hotline.core.outbox.ClaimedEntry;
import org.hth.hotline.core.referral.TicketStatusService;
import org.hth.hotline.core.store.Store;
import org.hth.hotline.dispatcher.delivery.Attempt;
import org.hth.hotline.dispatcher.delivery.Circuits;
import org.hth.hotline.dispatcher.delivery.DeliveryMetrics;
import org.hth.hotline.dispatcher.delivery.DeliveryVerticle;
import org.hth.hotline.dispatcher.delivery.DestinationAlerts;
import org.hth.hotline.dispatcher.delivery.RetryPolicy;
import org.hth.hotline.dispatcher.delivery.Settlement;
import org.hth.hotline.dispatcher.delivery.StoreSettlement;
import org.hth.hotline.dispatcher.delivery.Verdict;
import org.hth.hotline.dispatcher.delivery.WebhookSender;
import org.hth.hotline.dispatcher.webhook.WebhookBody;

/**
 * A dispatcher node that dies between sending and recording: it claims and sends as usual, then records
 * nothing (its lease is left to run out) and reports the webhook id it sent.
 */
final class CrashingNode implements Settlement {
    private final Settlement real;
    private final CompletableFuture<String> sent;

    private CrashingNode(Settlement real, CompletableFuture<String> sent) {
        this.real = real;
        this.sent = sent;
    }

    static DeliveryVerticle.DeliveryParts parts(Store store, Destinations destinations, DispatcherConfig config,
                                                Clock clock, LiveEvents live, Vertx vertx, CompletableFuture<String> sent) {
        Circuits circuits = new Circuits(destinations.delivery());
        DestinationAlerts alerts = new DestinationAlerts(destinations.delivery().alertAfter(), live);
        StoreSettlement settlement = new StoreSettlement(store, new TicketStatusService(store.tickets(), clock, live),
                new RetryPolicy(destinations.delivery().schedule(), new SecureRandom()), clock, "crashing-node",
                config.lease());
        WebhookSender sender = new WebhookSender(WebClient.create(vertx), new WebhookBody("https://hotline.example"),
                clock, 300, 500);
        return new DeliveryVerticle.DeliveryParts(new CrashingNode(settlement, sent), sender, () -> destinations, circuits,
                alerts, new DeliveryMetrics(new SimpleMeterRegistry(), destinations, circuits, alerts), live, clock, config);
    }

    @Override
    public List<ClaimedEntry> claim(int max) {
        return sent.isDone() ? List.of() : real.claim(max);
    }

    @Override
    public boolean waitsForAnOlderEntry(ClaimedEntry claimed) {
        return real.waitsForAnOlderEntry(claimed);
    }

    @Override
    public Settled postpone(ClaimedEntry claimed, Instant until) {
        return real.postpone(claimed, until);
    }

    @Override
    public Settled settle(ClaimedEntry claimed, Attempt attempt, Verdict verdict) {
        sent.complete(claimed.id());
        return Settled.LEASE_LOST;
    }

    @Override
    public Settled abandon(ClaimedEntry claimed, String why) {
        return real.abandon(claimed, why);
    }
}
