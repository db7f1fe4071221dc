package org.hth.hotline.console.testing;

import java.net.http.HttpClient;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.UnaryOperator;

import io.vertx.core.Vertx;

import org.hth.hotline.console.ConsoleVerticle;
import org.hth.hotline.console.RouteMount;
import org.hth.hotline.console.api.ApiRoutes;
import org.hth.hotline.console.api.ConsoleApi;
import org.hth.hotline.console.auth.PasswordHasher;
import org.hth.hotline.core.config.ConsoleConfig;
import org.hth.hotline.core.live.InProcessLiveEvents;
import org.hth.hotline.core.store.Store;
import org.hth.hotline.core.store.sqlite.SqliteStore;
import org.hth.hotline.core.testing.MutableClock;
import org.hth.hotline.core.user.Role;
import org.hth.hotline.core.user.User;

/**
 * A running console on a free port over a SQLite store in a temporary directory, with a hand-moved clock and
 * four users (password {@value #PASSWORD}): operators {@code anna} (op-anna) and {@code luca} (op-luca),
 * coordinator {@code carla}, admin {@code adam}. Close it after the test.
 */
public final class ApiServer implements AutoCloseable {
    public static final String PASSWORD = "correct horse battery staple";
    public static final String PUBLIC_URL = "http://console.test:8080";

    public final MutableClock clock = new MutableClock(Instant.parse("2026-11-21T23:00:00Z"));
    public final InProcessLiveEvents events = new InProcessLiveEvents();
    public final Store store;
    public final ConsoleConfig config;
    private final Vertx vertx = Vertx.vertx();
    private final ConsoleApi api;
    private final int port;
    private final HttpClient http;

    public ApiServer(Path dir) throws Exception {
        this(dir, new ConsoleConfig("127.0.0.1", 0, PUBLIC_URL));
    }

    public ApiServer(Path dir, ConsoleConfig config) throws Exception {
        this(dir, config, api -> api, List.of());
    }

    /**
     * @param customize changes the API before it is mounted (more routes, signed paths)
     * @param after     further mounts after the API, as ops adds other modules' routes
     */
    public ApiServer(Path dir, ConsoleConfig config, UnaryOperator<ConsoleApi> customize, List<RouteMount> after)
            throws Exception {
        this(dir, config, customize, (vertx, store, clock) -> new ApiRoutes[0], after);
    }

    /** With more routes built on the server's Vert.x, store and clock (their worker pool is the server's). */
    public static ApiServer withRoutes(Path dir, Routes routes) throws Exception {
        return new ApiServer(dir, new ConsoleConfig("127.0.0.1", 0, PUBLIC_URL), api -> api, routes, List.of());
    }

    /** Routes that need the server's parts. */
    @FunctionalInterface
    public interface Routes {
        ApiRoutes[] build(Vertx vertx, Store store, Clock clock);
    }

    private ApiServer(Path dir, ConsoleConfig config, UnaryOperator<ConsoleApi> customize, Routes routes,
                      List<RouteMount> after) throws Exception {
        this.config = config;
        store = SqliteStore.open(dir.resolve("hotline.db"), clock);
        PasswordHasher hasher = new PasswordHasher(1024, 1, 1, new SecureRandom());
        String hash = hasher.hash(PASSWORD.toCharArray());
        store.users().create(new User("anna", hash, Set.of(Role.OPERATOR), Optional.of("op-anna"), clock.instant(), false));
        store.users().create(new User("luca", hash, Set.of(Role.OPERATOR), Optional.of("op-luca"), clock.instant(), false));
        store.users().create(new User("carla", hash, Set.of(Role.COORDINATOR), Optional.empty(), clock.instant(), false));
        store.users().create(new User("adam", hash, Set.of(Role.ADMIN), Optional.empty(), clock.instant(), false));
        api = customize.apply(ConsoleApi.create(vertx, store, events, clock, config).withPasswordHasher(hasher))
                .withRoutes(routes.build(vertx, store, clock));
        List<RouteMount> mounts = new ArrayList<>();
        mounts.add(router -> router.get("/health/live").handler(ctx -> ctx.response().end("UP")));
        mounts.add(api);
        mounts.addAll(after);
        ConsoleVerticle verticle = ConsoleVerticle.of(config, mounts);
        vertx.deployVerticle(verticle).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        port = verticle.actualPort();
        http = config.tls() ? HttpClient.newBuilder().sslContext(TrustAll.context()).build()
                : HttpClient.newHttpClient();
    }

    public String url(String path) {
        return (config.tls() ? "https" : "http") + "://127.0.0.1:" + port + path;
    }

    public int port() {
        return port;
    }

    /** A client without a session. */
    public Browser anonymous() {
        return new Browser(this, http);
    }

    /** A client logged in as the user. */
    public Browser loggedIn(String username) {
        Browser browser = anonymous();
        browser.login(username, PASSWORD).assertStatus(200);
        return browser;
    }

    @Override
    public void close() {
        api.close();
        try {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Vert.x did not close", e);
        } finally {
            store.close();
        }
    }
}
