package org.hth.hotline.console.retention;

import java.util.Objects;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

import org.hth.hotline.console.api.ApiRouter;
import org.hth.hotline.console.api.ApiRoutes;
import org.hth.hotline.console.api.Responses;
import org.hth.hotline.core.retention.RetentionRun;
import org.hth.hotline.core.retention.RetentionStatus;
import org.hth.hotline.core.user.Role;

/**
 * {@code GET /api/retention} (coordinator): {@code {"periodDays", "period", "lastRun": {"at", "calls", "tickets",
 * "callbackNumbers"} | null, "nextRun"}}, instants in ISO-8601 UTC. Counts only. Answers on the event loop
 * ({@link RetentionStatus} does not block). Thread-safe.
 */
public final class RetentionRoutes implements ApiRoutes {
    private final RetentionStatus status;

    public RetentionRoutes(RetentionStatus status) {
        this.status = Objects.requireNonNull(status, "status");
    }

    @Override
    public void register(ApiRouter api) {
        api.get("/api/retention", this::show, Role.COORDINATOR);
    }

    private void show(RoutingContext ctx) {
        JsonObject body = new JsonObject()
                .put("period", status.period().toString())
                .put("periodDays", status.period().toDays())
                .put("lastRun", status.lastRun().map(RetentionRoutes::run).orElse(null))
                .put("nextRun", status.nextRun().toString());
        Responses.json(ctx, 200, body);
    }

    private static JsonObject run(RetentionRun run) {
        return new JsonObject().put("at", run.at().toString()).put("calls", run.calls())
                .put("tickets", run.tickets()).put("callbackNumbers", run.callbackNumbers());
    }
}
