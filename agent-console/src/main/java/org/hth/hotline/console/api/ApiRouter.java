package org.hth.hotline.console.api;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import org.hth.hotline.console.session.ApiGuard;
import org.hth.hotline.core.user.Role;

/**
 * Registers endpoints that require a session and one of the given roles. Paths are Vert.x patterns such as
 * {@code /api/calls/:id}. Used on the event loop while the API is mounted; not thread-safe.
 */
public final class ApiRouter {
    private final Router router;

    public ApiRouter(Router router) {
        this.router = router;
    }

    public void get(String path, Handler<RoutingContext> handler, Role... anyOf) {
        add(HttpMethod.GET, path, handler, anyOf);
    }

    public void post(String path, Handler<RoutingContext> handler, Role... anyOf) {
        add(HttpMethod.POST, path, handler, anyOf);
    }

    public void put(String path, Handler<RoutingContext> handler, Role... anyOf) {
        add(HttpMethod.PUT, path, handler, anyOf);
    }

    public void patch(String path, Handler<RoutingContext> handler, Role... anyOf) {
        add(HttpMethod.PATCH, path, handler, anyOf);
    }

    public void delete(String path, Handler<RoutingContext> handler, Role... anyOf) {
        add(HttpMethod.DELETE, path, handler, anyOf);
    }

    /** The underlying router, for the few routes that are not plain JSON (the WebSocket upgrade). */
    public Router router() {
        return router;
    }

    private void add(HttpMethod method, String path, Handler<RoutingContext> handler, Role... anyOf) {
        if (anyOf.length == 0) {
            throw new IllegalArgumentException(method + " " + path + " names no role");
        }
        router.route(method, path).handler(ApiGuard.requireAny(anyOf)).handler(handler);
    }
}
