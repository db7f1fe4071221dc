package org.hth.hotline.ops.health;

import java.util.List;
import java.util.Map;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import org.hth.hotline.console.RouteMount;
import org.hth.hotline.core.health.ComponentHealth;
import org.hth.hotline.core.health.HealthCheck;
import org.hth.hotline.core.health.HealthReport;

/**
 * {@code GET /health/live} (the process answers: 200) and {@code GET /health/ready} (200 when the server
 * can serve, 503 when a critical part is down; JSON with every part). Checks run on a worker thread.
 */
public final class HealthRoutes implements RouteMount {
    private final List<HealthCheck> checks;

    public HealthRoutes(List<HealthCheck> checks) {
        this.checks = List.copyOf(checks);
    }

    @Override
    public void mount(Router router) {
        router.get("/health/live").handler(ctx -> json(ctx, 200, new JsonObject().put("status", "UP")));
        router.get("/health/ready").handler(this::ready);
    }

    private void ready(RoutingContext ctx) {
        ctx.vertx().executeBlocking(() -> HealthReport.of(checks), false)
                .onSuccess(report -> json(ctx, report.ready() ? 200 : 503, toJson(report)))
                .onFailure(ctx::fail);
    }

    /** The report as the endpoint shows it. */
    public static JsonObject toJson(HealthReport report) {
        JsonObject components = new JsonObject();
        for (Map.Entry<String, ComponentHealth> e : report.components().entrySet()) {
            ComponentHealth h = e.getValue();
            JsonObject part = new JsonObject().put("status", h.state().name()).put("detail", h.detail());
            h.facts().forEach(part::put);
            components.put(e.getKey(), part);
        }
        return new JsonObject().put("status", report.state().name()).put("components", components);
    }

    private static void json(RoutingContext ctx, int status, JsonObject body) {
        ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json")
                .putHeader("Cache-Control", "no-store").end(body.encodePrettily());
    }
}
