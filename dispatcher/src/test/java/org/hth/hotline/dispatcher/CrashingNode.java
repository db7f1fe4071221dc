package org.hth.hotline.dispatcher;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
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
import org.hth.hotline.dispatcher.delivery.Circuits;
import org.hth.hotline.dispatcher.delivery.DeliveryMetrics;
import org.hth.hotline.dispatcher.delivery.DeliveryVerticle;
import org.hth.hotline.dispatcher.delivery.DestinationAlerts;
import org.hth.hotline.dispatcher.delivery.Outcome;
import org.hth.hotline.dispatcher.delivery.RetryPolicy;
import org.hth.hotline.dispatcher.delivery.Settlement;
import org.hth.hotline.dispatcher.delivery.StoreSettlement;
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
    public List<Settled> settle(List<Outcome> outcomes) {
        List<Outcome> real = new ArrayList<>();
        for (Outcome outcome : outcomes) {
            if (outcome instanceof Outcome.Sent sentOne) {
                sent.complete(sentOne.claimed().id());
            } else {
                real.add(outcome);
            }
        }
        List<Settled> settledReally = this.real.settle(real);
        List<Settled> settled = new ArrayList<>();
        int next = 0;
        for (Outcome outcome : outcomes) {
            settled.add(outcome instanceof Outcome.Sent ? Settled.LEASE_LOST : settledReally.get(next++));
        }
        return settled;
    }
}
