package org.hth.hotline.console.session;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;

import org.hth.hotline.console.ApiError;
import org.hth.hotline.core.user.Role;

/**
 * The first handler of every {@code /api} request: no-store and no-sniff headers; then, except for the login
 * itself and for paths authenticated by a destination's signature, a live session (401 otherwise) and, on
 * every state-changing method, the session's CSRF token in {@code X-CSRF-Token} (403 otherwise). A
 * synchronizer token rather than Vert.x's {@code CSRFHandler}: the design hands the token out in the login
 * answer, and the session is ours. Runs on the event loop; thread-safe (immutable apart from the registry).
 */
public final class ApiGuard implements Handler<RoutingContext> {
    /** Where the session is put on the routing context. */
    static final String SESSION_KEY = "hotline.session";
    private static final Set<HttpMethod> STATE_CHANGING =
            Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE);

    private final SessionRegistry sessions;
    private final SessionCookie cookie;
    private final List<Pattern> signedPaths;

    /**
     * @param signedPaths regular expressions of whole paths whose requests are authenticated by a signature
     *                    (e.g. {@code /api/referrals/[^/]+/status}); they pass without session or CSRF token
     */
    public ApiGuard(SessionRegistry sessions, SessionCookie cookie, List<Pattern> signedPaths) {
        this.sessions = sessions;
        this.cookie = cookie;
        this.signedPaths = List.copyOf(signedPaths);
    }

    @Override
    public void handle(RoutingContext ctx) {
        ctx.response().putHeader("Cache-Control", "no-store").putHeader("X-Content-Type-Options", "nosniff")
                .putHeader("X-Frame-Options", "DENY").putHeader("Referrer-Policy", "no-referrer");
        String path = ctx.normalizedPath();
        HttpMethod method = ctx.request().method();
        if (isLogin(method, path) || signedPaths.stream().anyMatch(p -> p.matcher(path).matches())) {
            ctx.next();
            return;
        }
        var session = cookie.read(ctx).flatMap(sessions::touch);
        if (session.isEmpty()) {
            ApiError.send(ctx, 401, "UNAUTHENTICATED", "log in first");
            return;
        }
        if (STATE_CHANGING.contains(method) && !csrfMatches(ctx.request().getHeader("X-CSRF-Token"),
                session.get().csrfToken())) {
            ApiError.send(ctx, 403, "CSRF", "missing or wrong X-CSRF-Token header");
            return;
        }
        ctx.put(SESSION_KEY, session.get());
        ctx.next();
    }

    /** The session of a request that passed this guard. */
    public static ConsoleSession session(RoutingContext ctx) {
        ConsoleSession session = ctx.get(SESSION_KEY);
        if (session == null) {
            throw new IllegalStateException("route is not behind the API guard");
        }
        return session;
    }

    /** A handler that lets the request on only when the user has at least one of the roles (403 otherwise). */
    public static Handler<RoutingContext> requireAny(Role... roles) {
        List<Role> allowed = Arrays.asList(roles);
        return ctx -> {
            if (allowed.stream().anyMatch(session(ctx)::has)) {
                ctx.next();
            } else {
                ApiError.send(ctx, 403, "FORBIDDEN", "your role may not do this");
            }
        };
    }

    static boolean isLogin(HttpMethod method, String path) {
        return method == HttpMethod.POST && "/api/session".equals(path);
    }

    private static boolean csrfMatches(String given, String expected) {
        return given != null && MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8),
                expected.getBytes(StandardCharsets.UTF_8));
    }
}
