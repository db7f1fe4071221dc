package org.hth.hotline.console.calls;

import java.util.List;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

import org.hth.hotline.console.api.ApiProblem;
import org.hth.hotline.console.api.ApiRouter;
import org.hth.hotline.console.api.ApiRoutes;
import org.hth.hotline.console.api.Blocking;
import org.hth.hotline.console.api.JsonBody;
import org.hth.hotline.console.audit.Auditor;
import org.hth.hotline.console.session.ApiGuard;
import org.hth.hotline.console.session.ConsoleSession;
import org.hth.hotline.core.call.CallQuery;
import org.hth.hotline.core.call.CallRecord;
import org.hth.hotline.core.store.CallStore;
import org.hth.hotline.core.store.Page;
import org.hth.hotline.core.user.Role;

/**
 * The call log: {@code GET /api/calls} (coordinators; newest first, keyset paging), {@code GET /api/calls/:id}
 * and {@code PATCH /api/calls/:id} (coordinators, or the operator who answered the call; others get 404, as if
 * the call did not exist). Every view and change is audited. Handlers on the event loop, store and audit on
 * workers. Thread-safe.
 */
public final class CallRoutes implements ApiRoutes {
    private final CallStore calls;
    private final Auditor auditor;
    private final Blocking blocking;

    public CallRoutes(CallStore calls, Auditor auditor, Blocking blocking) {
        this.calls = calls;
        this.auditor = auditor;
        this.blocking = blocking;
    }

    @Override
    public void register(ApiRouter api) {
        api.get("/api/calls", this::list, Role.COORDINATOR);
        api.get("/api/calls/:id", this::get, Role.COORDINATOR, Role.OPERATOR);
        api.patch("/api/calls/:id", this::patch, Role.COORDINATOR, Role.OPERATOR);
    }

    private void list(RoutingContext ctx) {
        CallQuery query = CallListParams.parse(ctx.queryParams());
        String user = ApiGuard.session(ctx).username();
        blocking.respond(ctx, () -> {
            Page<CallRecord> page = calls.query(query);
            List<CallRecord> items = page.items();
            auditor.record(user, "call.list", "call", items.isEmpty() ? "-" : items.get(0).callId(),
                    "calls=" + items.size() + (items.isEmpty() ? "" : " last=" + items.get(items.size() - 1).callId()));
            JsonArray json = new JsonArray();
            items.forEach(c -> json.add(CallJson.summary(c)));
            return new JsonObject().put("items", json).put("next", page.next().orElse(null));
        });
    }

    private void get(RoutingContext ctx) {
        ConsoleSession session = ApiGuard.session(ctx);
        String id = callId(ctx);
        blocking.respond(ctx, () -> {
            CallRecord call = visible(session, id);
            auditor.record(session.username(), "call.view", "call", id, "");
            return CallJson.full(call);
        });
    }

    private void patch(RoutingContext ctx) {
        ConsoleSession session = ApiGuard.session(ctx);
        String id = callId(ctx);
        CallPatch patch = CallPatch.parse(JsonBody.read(ctx, CallPatch.FIELDS));
        if (patch.tags().isPresent() && !session.has(Role.COORDINATOR)) {
            throw ApiProblem.forbidden("only coordinators set tags");
        }
        blocking.respond(ctx, () -> {
            CallRecord changed = patch.applyTo(visible(session, id));
            calls.save(changed);
            auditor.record(session.username(), "call.update", "call", id,
                    "fields=" + String.join(",", patch.fieldNames()));
            return CallJson.full(changed);
        });
    }

    /** The call, when this user may see it; a refused look is audited and answered like a missing call. */
    private CallRecord visible(ConsoleSession session, String id) {
        CallRecord call = calls.find(id).orElseThrow(() -> ApiProblem.notFound("call"));
        boolean answeredIt = session.operatorId().isPresent() && call.answeredBy().equals(session.operatorId());
        if (!session.has(Role.COORDINATOR) && !answeredIt) {
            auditor.record(session.username(), "call.view.denied", "call", id, "not the answering operator");
            throw ApiProblem.notFound("call");
        }
        return call;
    }

    private static String callId(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        if (id == null || !CallListParams.ID.matcher(id).matches()) {
            throw ApiProblem.notFound("call");
        }
        return id;
    }
}
