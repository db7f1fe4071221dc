package org.hth.hotline.console.audit;

import java.util.Set;
import java.util.regex.Pattern;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

import org.hth.hotline.console.api.ApiRouter;
import org.hth.hotline.console.api.ApiRoutes;
import org.hth.hotline.console.api.Blocking;
import org.hth.hotline.console.api.QueryParams;
import org.hth.hotline.core.audit.AuditEntry;
import org.hth.hotline.core.audit.AuditQuery;
import org.hth.hotline.core.store.AuditStore;
import org.hth.hotline.core.user.Role;

/**
 * {@code GET /api/audit?from&to&user&limit} for administrators: the audit log, newest first. Handlers run on
 * the event loop, the store query on a worker. Thread-safe.
 */
public final class AuditRoutes implements ApiRoutes {
    private static final Pattern USER = Pattern.compile("[A-Za-z0-9._@-]{1,64}");

    private final AuditStore audit;
    private final Blocking blocking;

    public AuditRoutes(AuditStore audit, Blocking blocking) {
        this.audit = audit;
        this.blocking = blocking;
    }

    @Override
    public void register(ApiRouter api) {
        api.get("/api/audit", this::list, Role.ADMIN);
    }

    private void list(RoutingContext ctx) {
        QueryParams q = new QueryParams(ctx.queryParams(), Set.of("from", "to", "user", "limit"));
        AuditQuery query = new AuditQuery(q.instant("from"), q.instant("to"),
                q.text("user", USER, "a user name"), q.integer("limit", 1, 1000, 200));
        q.errors().throwIfAny();
        blocking.respond(ctx, () -> {
            JsonArray items = new JsonArray();
            for (AuditEntry e : audit.query(query)) {
                items.add(new JsonObject().put("at", e.at().toString()).put("user", e.user())
                        .put("action", e.action()).put("subjectType", e.subjectType())
                        .put("subjectId", e.subjectId()).put("detail", e.detail()));
            }
            return new JsonObject().put("items", items);
        });
    }
}
