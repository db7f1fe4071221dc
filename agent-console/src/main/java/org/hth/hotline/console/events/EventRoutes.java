package org.hth.hotline.console.events;

import java.net.URI;
import java.util.Locale;

import io.vertx.ext.web.RoutingContext;

import org.hth.hotline.console.ApiError;
import org.hth.hotline.console.api.ApiRouter;
import org.hth.hotline.console.api.ApiRoutes;
import org.hth.hotline.console.session.ApiGuard;
import org.hth.hotline.core.user.Role;

/**
 * {@code GET /api/events}: the WebSocket of live events. The session was checked by the API guard before the
 * upgrade (401 otherwise); the {@code Origin} must be the console's own, from {@code publicUrl} (403
 * otherwise), so another site cannot open a socket with the user's cookie. Runs on the event loop.
 */
public final class EventRoutes implements ApiRoutes {
    private final EventHub hub;
    private final String origin;

    public EventRoutes(EventHub hub, String publicUrl) {
        this.hub = hub;
        this.origin = originOf(publicUrl);
    }

    @Override
    public void register(ApiRouter api) {
        api.get("/api/events", this::upgrade, Role.values());
    }

    private void upgrade(RoutingContext ctx) {
        String given = ctx.request().getHeader("Origin");
        if (given == null || !given.toLowerCase(Locale.ROOT).equals(origin)) {
            ApiError.send(ctx, 403, "FORBIDDEN", "WebSocket from another origin");
            return;
        }
        if (!ctx.request().canUpgradeToWebSocket()) {
            ApiError.send(ctx, 400, "BAD_REQUEST", "expected a WebSocket upgrade");
            return;
        }
        var session = ApiGuard.session(ctx);
        ctx.request().toWebSocket().onSuccess(socket -> hub.add(socket, session)).onFailure(ctx::fail);
    }

    /** {@code scheme://host[:port]} of a URL, lower case, without a default port. */
    static String originOf(String url) {
        URI uri = URI.create(url);
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        int port = uri.getPort();
        boolean defaultPort = port == -1 || (scheme.equals("http") && port == 80)
                || (scheme.equals("https") && port == 443);
        return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
    }
}
