package org.hth.hotline.console.api;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;

import org.hth.hotline.console.RouteMount;
import org.hth.hotline.console.audit.AuditRoutes;
import org.hth.hotline.console.audit.Auditor;
import org.hth.hotline.console.auth.Authenticator;
import org.hth.hotline.console.auth.LoginThrottle;
import org.hth.hotline.console.auth.PasswordHasher;
import org.hth.hotline.console.callers.CallerHistoryRoutes;
import org.hth.hotline.console.calls.CallRoutes;
import org.hth.hotline.console.events.EventHub;
import org.hth.hotline.console.events.EventRoutes;
import org.hth.hotline.console.presence.PresenceRoutes;
import org.hth.hotline.console.session.ApiGuard;
import org.hth.hotline.console.session.SessionCookie;
import org.hth.hotline.console.session.SessionRegistry;
import org.hth.hotline.console.session.SessionRoutes;
import org.hth.hotline.core.config.ConsoleConfig;
import org.hth.hotline.core.live.LiveEvents;
import org.hth.hotline.core.store.Store;

/**
 * The console's JSON API and live events, as one {@link RouteMount} for {@code ConsoleVerticle}:
 * {@code ConsoleApi.create(vertx, store, liveEvents, clock, config)}. Other features add their endpoints with
 * {@link #withRoutes} (behind session, CSRF and role checks), and paths authenticated by a destination's
 * signature are exempted from session and CSRF with {@link #withSignedPaths}. Only {@code /api/*} is touched:
 * {@code /health/*}, {@code /metrics} and the static app are not behind these handlers.
 *
 * <p>Immutable until mounted; {@link #mount} runs once, on the console verticle's event loop, and starts a
 * periodic sweep of expired sessions on it; {@link #close} stops it.
 */
public final class ConsoleApi implements RouteMount {
    /** Largest request body under /api (notes are at most 10,000 characters). */
    public static final long BODY_LIMIT_BYTES = 64 * 1024;
    private static final long SWEEP_MS = 30_000;

    private final Vertx vertx;
    private final Store store;
    private final LiveEvents events;
    private final Clock clock;
    private final ConsoleConfig config;
    private final PasswordHasher hasher;
    private final List<ApiRoutes> extraRoutes;
    private final List<Pattern> signedPaths;
    private volatile EventHub hub;
    private volatile long sweepTimer = -1;

    private ConsoleApi(Vertx vertx, Store store, LiveEvents events, Clock clock, ConsoleConfig config,
                       PasswordHasher hasher, List<ApiRoutes> extraRoutes, List<Pattern> signedPaths) {
        this.vertx = vertx;
        this.store = store;
        this.events = events;
        this.clock = clock;
        this.config = config;
        this.hasher = hasher;
        this.extraRoutes = List.copyOf(extraRoutes);
        this.signedPaths = List.copyOf(signedPaths);
    }

    public static ConsoleApi create(Vertx vertx, Store store, LiveEvents events, Clock clock, ConsoleConfig config) {
        return new ConsoleApi(vertx, store, events, clock, config, new PasswordHasher(new SecureRandom()), List.of(),
                List.of());
    }

    /** The same API with another password hasher (tests use cheap Argon2 parameters). */
    public ConsoleApi withPasswordHasher(PasswordHasher other) {
        return new ConsoleApi(vertx, store, events, clock, config, other, extraRoutes, signedPaths);
    }

    /** The same API with more endpoints, registered behind the session, CSRF and role checks. */
    public ConsoleApi withRoutes(ApiRoutes... more) {
        List<ApiRoutes> all = new ArrayList<>(extraRoutes);
        all.addAll(List.of(more));
        return new ConsoleApi(vertx, store, events, clock, config, hasher, all, signedPaths);
    }

    /**
     * The same API, letting requests whose whole path matches one of these regular expressions (e.g.
     * {@code /api/referrals/[^/]+/status}) through without session or CSRF token: their route must check the
     * destination's signature itself.
     */
    public ConsoleApi withSignedPaths(String... regexes) {
        List<Pattern> all = new ArrayList<>(signedPaths);
        for (String regex : regexes) {
            all.add(Pattern.compile(regex));
        }
        return new ConsoleApi(vertx, store, events, clock, config, hasher, extraRoutes, all);
    }

    /** Whether cookies get the Secure flag: the console serves TLS or is reached through an https URL. */
    public static boolean secureCookies(ConsoleConfig config) {
        return config.tls() || config.publicUrl().startsWith("https://");
    }

    @Override
    public void mount(Router router) {
        SessionRegistry sessions = new SessionRegistry(clock, new SecureRandom(), config.sessionIdleTimeout(),
                config.sessionMaxAge());
        SessionCookie cookie = new SessionCookie(secureCookies(config));
        Blocking blocking = new Blocking(vertx);
        Auditor auditor = new Auditor(store.audit(), clock);
        EventHub eventHub = new EventHub(vertx.getOrCreateContext(), events, sessions);

        router.route("/api/*").handler(new ApiGuard(sessions, cookie, signedPaths));
        router.route("/api/*").method(HttpMethod.POST).method(HttpMethod.PUT).method(HttpMethod.PATCH)
                .method(HttpMethod.DELETE)
                .handler(BodyHandler.create(false).setBodyLimit(BODY_LIMIT_BYTES));
        router.route("/api/*").failureHandler(ApiFailures::handle);

        SessionRoutes sessionRoutes = new SessionRoutes(sessions, cookie, new Authenticator(store.users(), hasher),
                new LoginThrottle(clock, config.loginMaxFailures(), config.loginLockout()), auditor, blocking, clock);
        sessionRoutes.registerLogin(router);
        ApiRouter api = new ApiRouter(router);
        List<ApiRoutes> features = new ArrayList<>(List.of(sessionRoutes,
                new PresenceRoutes(store.roster(), events, blocking, clock),
                new CallRoutes(store.calls(), auditor, blocking),
                new CallerHistoryRoutes(store.calls(), store.tickets(), auditor, blocking),
                new AuditRoutes(store.audit(), blocking),
                new EventRoutes(eventHub, config.publicUrl())));
        features.addAll(extraRoutes);
        features.forEach(f -> f.register(api));

        eventHub.start();
        hub = eventHub;
        sweepTimer = vertx.setPeriodic(SWEEP_MS, id -> {
            sessions.purge();
            eventHub.sweep();
        });
    }

    /** Stops the live-event subscription and the session sweep. */
    public void close() {
        if (sweepTimer >= 0) {
            vertx.cancelTimer(sweepTimer);
        }
        EventHub h = hub;
        if (h != null) {
            h.stop();
        }
    }
}
