package org.hth.hotline.console.status;

import java.util.List;
import java.util.Set;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

import org.hth.hotline.console.api.ApiRouter;
import org.hth.hotline.console.api.ApiRoutes;
import org.hth.hotline.console.api.Blocking;
import org.hth.hotline.core.health.ComponentHealth;
import org.hth.hotline.core.health.HealthCheck;
import org.hth.hotline.core.user.Role;

/**
 * {@code GET /api/status} for any logged-in user: {@code {"pbx": {"state", "detail"}, "store": {"state"},
 * "dispatcher": {"state"}}} from the server's health checks, run on a worker (a check may block briefly). Only the
 * PBX's detail is passed on, because the console explains it ("not connected"); the checks' facts (hosts, counts)
 * and the other details stay out. A part without a check is left out. Thread-safe.
 */
public final class StatusRoutes implements ApiRoutes {
    static final String PATH = "/api/status";
    private static final Set<String> WITH_DETAIL = Set.of("pbx");
    private static final int MAX_DETAIL = 200;

    private final List<HealthCheck> checks;
    private final Blocking blocking;

    public StatusRoutes(List<HealthCheck> checks, Blocking blocking) {
        this.checks = List.copyOf(checks);
        this.blocking = blocking;
    }

    @Override
    public void register(ApiRouter api) {
        api.get(PATH, this::status, Role.values());
    }

    private void status(RoutingContext ctx) {
        blocking.respond(ctx, this::report);
    }

    /** The parts' states now; blocks while the checks run. */
    JsonObject report() {
        JsonObject body = new JsonObject();
        for (HealthCheck check : checks) {
            ComponentHealth health = check.check();
            JsonObject part = new JsonObject().put("state", health.state().name());
            if (WITH_DETAIL.contains(check.name())) {
                String detail = health.detail();
                part.put("detail", detail.length() > MAX_DETAIL ? detail.substring(0, MAX_DETAIL) : detail);
            }
            body.put(check.name(), part);
        }
        return body;
    }
}
