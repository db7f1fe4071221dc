package org.hth.hotline.console.session;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import org.hth.hotline.console.ApiError;
import org.hth.hotline.console.api.ApiRouter;
import org.hth.hotline.console.api.ApiRoutes;
import org.hth.hotline.console.api.Blocking;
import org.hth.hotline.console.api.FieldErrors;
import org.hth.hotline.console.api.JsonBody;
import org.hth.hotline.console.api.Responses;
import org.hth.hotline.console.audit.Auditor;
import org.hth.hotline.console.auth.Authenticator;
import org.hth.hotline.console.auth.ClientAddress;
import org.hth.hotline.console.auth.LoginThrottle;
import org.hth.hotline.core.user.Role;
import org.hth.hotline.core.user.User;

/**
 * {@code POST /api/session} (log in), {@code DELETE /api/session} (log out) and {@code GET /api/me}. Every
 * refused login gets the same 401 answer, whether or not the name exists; a locked-out name or address gets
 * 429 without the password being checked. Handlers run on the event loop; password checks and audit writes on
 * workers. Thread-safe.
 */
public final class SessionRoutes implements ApiRoutes {
    private final SessionRegistry sessions;
    private final SessionCookie cookie;
    private final Authenticator authenticator;
    private final LoginThrottle throttle;
    private final Auditor auditor;
    private final Blocking blocking;
    private final Clock clock;

    public SessionRoutes(SessionRegistry sessions, SessionCookie cookie, Authenticator authenticator,
                         LoginThrottle throttle, Auditor auditor, Blocking blocking, Clock clock) {
        this.sessions = sessions;
        this.cookie = cookie;
        this.authenticator = authenticator;
        this.throttle = throttle;
        this.auditor = auditor;
        this.blocking = blocking;
        this.clock = clock;
    }

    /** The login route, which needs no session: mounted directly on the router. */
    public void registerLogin(Router router) {
        router.post("/api/session").handler(this::login);
    }

    @Override
    public void register(ApiRouter api) {
        api.delete("/api/session", this::logout, Role.values());
        api.get("/api/me", this::me, Role.values());
    }

    private void login(RoutingContext ctx) {
        JsonObject body = JsonBody.read(ctx, Set.of("username", "password"));
        FieldErrors errors = new FieldErrors();
        String username = requiredText(body, "username", 128, errors);
        String password = requiredText(body, "password", 1024, errors);
        errors.throwIfAny();
        String address = ClientAddress.of(ctx);
        Optional<Instant> locked = throttle.lockedUntil(username, address);
        if (locked.isPresent()) {
            blocking.run(() -> audit("anonymous", "unknown", "refused: locked out, from " + address));
            long seconds = Math.max(1, Duration.between(clock.instant(), locked.get()).toSeconds());
            ctx.response().putHeader("Retry-After", Long.toString(seconds));
            ApiError.send(ctx, 429, "LOCKED_OUT", "too many failed logins; try again later");
            return;
        }
        blocking.run(() -> {
            Authenticator.Outcome outcome = authenticator.check(username, password.toCharArray());
            String who = outcome.knownName() ? username : "anonymous";
            String subject = outcome.knownName() ? username : "unknown";
            audit(who, subject, (outcome.accepted().isPresent() ? "ok" : outcome.knownName()
                    ? "refused: wrong password or disabled" : "refused: unknown user") + ", from " + address);
            return outcome.accepted();
        }).onSuccess(user -> {
            if (user.isEmpty()) {
                throttle.failed(username, address);
                ApiError.send(ctx, 401, "LOGIN_FAILED", "wrong user name or password");
            } else {
                throttle.succeeded(username);
                startSession(ctx, user.get());
            }
        }).onFailure(ctx::fail);
    }

    private void startSession(RoutingContext ctx, User user) {
        cookie.read(ctx).ifPresent(sessions::close);
        ConsoleSession session = sessions.open(user);
        cookie.set(ctx, session.id());
        Responses.json(ctx, 200, new JsonObject().put("csrfToken", session.csrfToken()).put("user", describe(session)));
    }

    private Void audit(String user, String subject, String detail) {
        auditor.record(user, detail.startsWith("ok") ? "login.success" : "login.failure", "user", subject, detail);
        return null;
    }

    private void logout(RoutingContext ctx) {
        sessions.close(ApiGuard.session(ctx).id());
        cookie.clear(ctx);
        Responses.noContent(ctx);
    }

    private void me(RoutingContext ctx) {
        Responses.json(ctx, 200, describe(ApiGuard.session(ctx)));
    }

    /** {@code {"username", "roles": ["operator", …], "operatorId"}}. */
    public static JsonObject describe(ConsoleSession session) {
        JsonArray roles = new JsonArray();
        session.roles().stream().map(r -> r.name().toLowerCase(Locale.ROOT)).sorted().forEach(roles::add);
        return new JsonObject().put("username", session.username()).put("roles", roles)
                .put("operatorId", session.operatorId().orElse(null));
    }

    private static String requiredText(JsonObject body, String field, int max, FieldErrors errors) {
        Object value = body.getValue(field);
        if (!(value instanceof String text) || text.isEmpty()) {
            errors.add(field, "required text");
            return "";
        }
        if (text.length() > max) {
            errors.add(field, "at most " + max + " characters");
            return "";
        }
        return text;
    }
}
