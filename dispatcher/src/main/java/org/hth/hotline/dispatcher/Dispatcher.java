package org.hth.hotline.dispatcher;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import org.hth.hotline.console.RouteMount;
import org.hth.hotline.core.config.ConsoleConfig;
import org.hth.hotline.core.config.DispatcherConfig;
import org.hth.hotline.core.destination.DeliveryPolicy;
import org.hth.hotline.core.destination.Destinations;
import org.hth.hotline.core.health.HealthCheck;
import org.hth.hotline.core.live.LiveEvents;
import org.hth.hotline.core.outbox.OutboxEntry;
import org.hth.hotline.core.outbox.OutboxQuery;
import org.hth.hotline.core.outbox.OutboxState;
import org.hth.hotline.core.outbox.ReplaySelection;
import org.hth.hotline.core.referral.TicketStatusService;
import org.hth.hotline.core.store.Store;
import org.hth.hotline.dispatcher.delivery.Circuits;
import org.hth.hotline.dispatcher.delivery.DeliveryMetrics;
import org.hth.hotline.dispatcher.delivery.DeliveryVerticle;
import org.hth.hotline.dispatcher.delivery.DestinationAlerts;
import org.hth.hotline.dispatcher.delivery.RetryPolicy;
import org.hth.hotline.dispatcher.delivery.StoreSettlement;
import org.hth.hotline.dispatcher.delivery.WebhookSender;
import org.hth.hotline.dispatcher.replay.Replayer;
import org.hth.hotline.dispatcher.status.StatusRoute;
import org.hth.hotline.dispatcher.webhook.WebhookBody;

/**
 * The dispatcher as the server assembly sees it: {@link #start} deploys the delivery verticle (unless
 * {@code dispatcher.enabled} is false) and returns once it runs; {@link #statusRoutes()} is the status
 * endpoint for the console's router; {@link #health()}, {@link #replay} and {@link #acknowledgeAlert}
 * serve the console and operations. Thread-safe; its futures complete on Vert.x threads.
 */
public final class Dispatcher {
    private final Vertx vertx;
    private final Optional<String> deployment;
    private final WebClient client;
    private final long metricsTimer;
    private final Replayer replayer;
    private final DestinationAlerts alerts;
    private final HealthCheck health;
    private final RouteMount statusRoutes;
    private final Clock clock;

    private Dispatcher(Vertx vertx, Optional<String> deployment, WebClient client, long metricsTimer, Replayer replayer,
                       DestinationAlerts alerts, HealthCheck health, RouteMount statusRoutes, Clock clock) {
        this.vertx = vertx;
        this.deployment = deployment;
        this.client = client;
        this.metricsTimer = metricsTimer;
        this.replayer = replayer;
        this.alerts = alerts;
        this.health = health;
        this.statusRoutes = statusRoutes;
        this.clock = clock;
    }

    /** Starts delivering to destinations that never change; the future fails when the verticle cannot be deployed. */
    public static Future<Dispatcher> start(Vertx vertx, Store store, Destinations destinations, DispatcherConfig config,
                                           ConsoleConfig console, Clock clock, MeterRegistry registry, LiveEvents live) {
        return start(vertx, store, () -> destinations, config, console, clock, registry, live);
    }

    /**
     * Starts delivering; the future fails when the verticle cannot be deployed.
     *
     * @param destinations the destinations as they are now (a coordinator may change a URL or disable one), read
     *                     at each delivery attempt; the delivery policy and the set of ids are taken at start-up
     */
    public static Future<Dispatcher> start(Vertx vertx, Store store, Supplier<Destinations> destinations,
                                           DispatcherConfig config, ConsoleConfig console, Clock clock,
                                           MeterRegistry registry, LiveEvents live) {
        Destinations atStart = destinations.get();
        DeliveryPolicy policy = atStart.delivery();
        Circuits circuits = new Circuits(policy);
        DestinationAlerts alerts = new DestinationAlerts(policy.alertAfter(), live);
        DeliveryMetrics metrics = new DeliveryMetrics(registry, atStart, circuits, alerts);
        TicketStatusService statuses = new TicketStatusService(store.tickets(), clock, live);
        RetryPolicy retry = new RetryPolicy(policy.schedule(), new SecureRandom());
        WebClient client = WebClient.create(vertx, new WebClientOptions()
                .setConnectTimeout((int) policy.connectTimeout().toMillis()).setUserAgent("hotline-dispatcher"));
        WebhookSender sender = new WebhookSender(client, new WebhookBody(console.publicUrl()), clock,
                policy.connectTimeout().toMillis(), policy.totalTimeout().toMillis());
        String claimer = "dispatcher-" + ProcessHandle.current().pid() + "-" + UUID.randomUUID().toString().substring(0, 8);
        StoreSettlement settlement = new StoreSettlement(store, statuses, retry, clock, claimer, config.lease());
        Replayer replayer = new Replayer(vertx, store.outbox());
        HealthCheck health = new DispatcherHealth(destinations, circuits, alerts, config.enabled());
        RouteMount routes = new StatusRoute(atStart, statuses, clock);
        long timer = vertx.setPeriodic(Math.max(1_000, config.pollInterval().toMillis() * 5),
                id -> refreshOutboxGauges(vertx, store, metrics, clock));
        if (!config.enabled()) {
            return Future.succeededFuture(new Dispatcher(vertx, Optional.empty(), client, timer, replayer, alerts, health,
                    routes, clock));
        }
        var parts = new DeliveryVerticle.DeliveryParts(settlement, sender, destinations, circuits, alerts, metrics, live,
                clock, config);
        return vertx.deployVerticle(new DeliveryVerticle(parts)).map(id -> new Dispatcher(vertx, Optional.of(id),
                client, timer, replayer, alerts, health, routes, clock));
    }

    private static void refreshOutboxGauges(Vertx vertx, Store store, DeliveryMetrics metrics, Clock clock) {
        vertx.executeBlocking(() -> {
            var depth = store.outbox().depth();
            List<OutboxEntry> newest = store.outbox().query(new OutboxQuery(Optional.empty(),
                    Optional.of(OutboxState.PENDING), 1_000));
            Instant oldest = newest.isEmpty() ? clock.instant() : newest.get(newest.size() - 1).createdAt();
            metrics.outbox(depth.pending(), depth.dead(), Duration.between(oldest, clock.instant()));
            return null;
        }, false);
    }

    /** Stops delivering; entries in flight are settled by their lease running out if not before. */
    public Future<Void> stop() {
        vertx.cancelTimer(metricsTimer);
        Future<Void> undeployed = deployment.map(vertx::undeploy).orElse(Future.succeededFuture());
        return undeployed.onComplete(done -> client.close());
    }

    /** The {@code dispatcher} health check. */
    public HealthCheck health() {
        return health;
    }

    /** {@code POST /api/referrals/{id}/status}, for the console's router. */
    public RouteMount statusRoutes() {
        return statusRoutes;
    }

    /** Puts dead letters back in the outbox; completes with how many. */
    public Future<Integer> replay(ReplaySelection selection) {
        return replayer.replay(selection);
    }

    /** A coordinator has seen a destination's alert and acted; true when one was raised. */
    public boolean acknowledgeAlert(String destinationId) {
        return alerts.acknowledge(destinationId, clock.instant());
    }

    /** The destinations whose alert is raised, each with the start of its failures. */
    public java.util.Map<String, Instant> alerts() {
        return alerts.raised();
    }
}
