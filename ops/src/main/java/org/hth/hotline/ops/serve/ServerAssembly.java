package org.hth.hotline.ops.serve;

import java.net.BindException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;

import org.hth.hotline.console.ConsoleVerticle;
import org.hth.hotline.console.api.Blocking;
import org.hth.hotline.console.api.ConsoleApi;
import org.hth.hotline.console.retention.RetentionRoutes;
import org.hth.hotline.console.status.StatusRoutes;
import org.hth.hotline.console.web.WebApp;
import org.hth.hotline.dispatcher.Dispatcher;
import org.hth.hotline.dispatcher.status.StatusRoute;
import org.hth.hotline.core.config.HotlineConfig;
import org.hth.hotline.core.destination.DestinationRegistry;
import org.hth.hotline.core.health.ComponentHealth;
import org.hth.hotline.core.health.HealthCheck;
import org.hth.hotline.core.health.HealthReport;
import org.hth.hotline.core.health.HealthState;
import org.hth.hotline.core.live.InProcessLiveEvents;
import org.hth.hotline.core.live.LiveEvents;
import org.hth.hotline.core.live.redis.RedisLiveEvents;
import org.hth.hotline.core.config.StoreKind;
import org.hth.hotline.core.store.Store;
import org.hth.hotline.ops.health.HealthRoutes;
import org.hth.hotline.ops.health.StoreHealth;
import org.hth.hotline.ops.coordinator.CoordinatorWiring;
import org.hth.hotline.ops.metrics.Metrics;
import org.hth.hotline.ops.retention.RetentionJob;
import org.hth.hotline.ops.retention.RetentionTimer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wires the modules into a running server: the one place where parts are built and connected. Start-up
 * fails with a {@link StartupException} whose message names the configuration key at fault.
 */
public final class ServerAssembly {
    private static final Logger log = LoggerFactory.getLogger(ServerAssembly.class);
    /** How often the retention job looks whether its run is due. */
    private static final Duration RETENTION_TICK = Duration.ofSeconds(30);

    private ServerAssembly() {
    }

    /** Starts the server with no destination URLs or secrets in the environment (their referrals wait). */
    public static RunningServer start(HotlineConfig config, Clock clock) {
        return start(config, Map.of(), clock);
    }

    /**
     * Starts the server; returns once the console listens.
     *
     * @param env the environment, for the destinations' URLs and secrets ({@code HOTLINE_DESTINATION_…})
     */
    public static RunningServer start(HotlineConfig config, Map<String, String> env, Clock clock) {
        DataDirectory.prepare(config.dataDir());
        if (config.secrets().generated()) {
            log.info("generated missing keys into {} (keep this directory private and backed up)",
                    config.dataDir().resolve("secrets"));
        }
        Parts parts = new Parts();
        try {
            Store store = StoreOpener.open(config, clock);
            parts.add("store", store, store::close);
            Metrics metrics = new Metrics();
            parts.add("metrics", metrics, metrics::close);
            LiveEvents live = liveEvents(config, parts);
            RetentionJob retention = new RetentionJob(store.retention(), config.retention(), config.dataDir(), clock,
                    metrics.registry(), live);
            RetentionTimer retentionTimer = RetentionTimer.start(retention, RETENTION_TICK);
            parts.add("retention", retentionTimer, retentionTimer::close);
            RosterLoading.load(config.roster().file(), store.roster(), clock);
            Referrals referrals = Referrals.load(config.referrals(), env);
            Telephony telephony = Telephony.start(config, store, live, metrics.registry(), clock);
            parts.add("telephony", telephony, telephony::close);
            Vertx vertx = Vertx.builder()
                    .with(new VertxOptions().setMetricsOptions(new MicrometerMetricsOptions().setEnabled(true)))
                    .withMetrics(new MicrometerMetricsFactory(metrics.registry()))
                    .build();
            parts.add("vert.x", vertx, () -> awaitClose(vertx));
            OperatorsAvailable.start(vertx, store.roster(), metrics.registry());
            DestinationRegistry destinations = new DestinationRegistry(referrals.destinations(), store.destinations(),
                    live, clock);
            destinations.refresh();
            DestinationRefresh refresh = DestinationRefresh.start(vertx, destinations, live);
            parts.add("destination refresh", refresh, refresh::close);
            Dispatcher dispatcher = await("dispatcher", Dispatcher.start(vertx, store, destinations::current,
                    config.dispatcher(), config.console(), clock, metrics.registry(), live));
            parts.add("dispatcher", dispatcher, () -> await("dispatcher stop", dispatcher.stop()));
            List<HealthCheck> checks = List.of(new StoreHealth(store), telephony.pbxHealth(), dispatcher.health());
            Tickets tickets = new Tickets(config, vertx, store, live, referrals, telephony, clock);
            parts.add("tickets", tickets, tickets::close);
            ConsoleApi api = ConsoleApi.create(vertx, store, live, clock, config.console())
                    .withSignedPaths(StatusRoute.PATH_PATTERN).withRoutes(tickets.routes())
                    .withRoutes(new StatusRoutes(checks, new Blocking(vertx)))
                    .withRoutes(CoordinatorWiring.routes(vertx, store, dispatcher, destinations, env, clock))
                    .withRoutes(new RetentionRoutes(retention));
            parts.add("console API", api, api::close);
            ConsoleVerticle console = ConsoleVerticle.of(config.console(),
                    List.of(new HealthRoutes(checks), metrics.route(), dispatcher.statusRoutes(), api, new WebApp()));
            deploy(vertx, console, config);
            RunningServer server = new RunningServer(parts, store, live, checks, console.actualPort(),
                    telephony.agiPort());
            logHealth(server.health());
            return server;
        } catch (RuntimeException e) {
            parts.close();
            throw e;
        }
    }

    /** In Redis mode live events cross nodes through Redis pub/sub; on SQLite (one node) they stay in process. */
    private static LiveEvents liveEvents(HotlineConfig config, Parts parts) {
        if (config.store() != StoreKind.REDIS) {
            return new InProcessLiveEvents();
        }
        RedisLiveEvents shared = new RedisLiveEvents(config.redis().url(), config.redis().timeout(),
                StoreOpener.REDIS_PREFIX);
        return parts.add("live events", shared, shared::close);
    }

    private static void awaitClose(Vertx vertx) throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
    }

    private static <T> T await(String what, Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new StartupException(what + " did not start: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new StartupException(what + " did not start within 30 s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StartupException("interrupted while starting " + what, e);
        }
    }

    /** Opens the configured store alone (for commands that need no server), after checking the data dir. */
    public static Store openStore(HotlineConfig config, Clock clock) {
        DataDirectory.prepare(config.dataDir());
        return StoreOpener.open(config, clock);
    }

    private static void deploy(Vertx vertx, ConsoleVerticle console, HotlineConfig config) {
        try {
            vertx.deployVerticle(console).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            String where = config.console().host() + ":" + config.console().port();
            if (cause instanceof BindException) {
                throw new StartupException("console.port: " + where + " is already in use or cannot be bound ("
                        + cause.getMessage() + "); expected a free port (set HOTLINE_CONSOLE_PORT)", cause);
            }
            throw new StartupException("console: the HTTP server did not start on " + where + ": " + cause, cause);
        } catch (TimeoutException e) {
            throw new StartupException("console: the HTTP server did not start within 30 s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StartupException("interrupted while starting", e);
        }
    }

    private static void logHealth(HealthReport report) {
        report.components().forEach((name, health) -> {
            if (health.state() == HealthState.UP || health.state() == HealthState.DISABLED) {
                log.info("{}: {} - {}", name, health.state(), health.detail());
            } else {
                log.warn("{}: {} - {}", name, health.state(), describe(health));
            }
        });
    }

    private static String describe(ComponentHealth health) {
        return health.facts().isEmpty() ? health.detail() : health.detail() + " " + health.facts();
    }
}
