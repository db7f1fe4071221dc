package org.hth.hotline.console.deliveries;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

import org.hth.hotline.console.api.ApiProblem;
import org.hth.hotline.console.api.ApiRouter;
import org.hth.hotline.console.api.ApiRoutes;
import org.hth.hotline.console.api.Blocking;
import org.hth.hotline.console.api.JsonBody;
import org.hth.hotline.console.api.QueryParams;
import org.hth.hotline.console.api.Responses;
import org.hth.hotline.console.audit.Auditor;
import org.hth.hotline.console.session.ApiGuard;
import org.hth.hotline.core.outbox.DeliveryAttempt;
import org.hth.hotline.core.outbox.OutboxDepth;
import org.hth.hotline.core.outbox.OutboxEntry;
import org.hth.hotline.core.outbox.OutboxQuery;
import org.hth.hotline.core.outbox.OutboxState;
import org.hth.hotline.core.outbox.ReplaySelection;
import org.hth.hotline.core.store.OutboxStore;
import org.hth.hotline.core.user.Role;

/**
 * {@code GET /api/deliveries?destination&state&limit} (or {@code ?ticket=}: one ticket's entries): the outbox newest first with each entry's last attempts,
 * the depth and each destination's state; {@code POST /api/deliveries/replay} with exactly one of {@code id},
 * {@code destination} or {@code since}: replays dead letters (audited). Payloads are never shown (they hold the
 * referral). Store on workers. Thread-safe.
 */
public final class DeliveryRoutes implements ApiRoutes {
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final int RECENT_ATTEMPTS = 3;

    private final OutboxStore outbox;
    private final DeliveryControl control;
    private final Auditor auditor;
    private final Blocking blocking;

    public DeliveryRoutes(OutboxStore outbox, DeliveryControl control, Auditor auditor, Blocking blocking) {
        this.outbox = outbox;
        this.control = control;
        this.auditor = auditor;
        this.blocking = blocking;
    }

    @Override
    public void register(ApiRouter api) {
        api.get("/api/deliveries", this::list, Role.COORDINATOR);
        api.post("/api/deliveries/replay", this::replay, Role.COORDINATOR);
    }

    private void list(RoutingContext ctx) {
        QueryParams q = new QueryParams(ctx.queryParams(), Set.of("destination", "state", "limit", "ticket"));
        OutboxQuery query = new OutboxQuery(q.text("destination", ID, "a destination id"),
                q.choice("state", OutboxState.class), q.integer("limit", 1, 500, 100));
        var ticket = q.text("ticket", ID, "a ticket id");
        q.errors().throwIfAny();
        blocking.respond(ctx, () -> {
            JsonArray entries = new JsonArray();
            List<OutboxEntry> found = ticket.isPresent() ? outbox.forTicket(ticket.get()) : outbox.query(query);
            for (OutboxEntry e : found) {
                entries.add(entry(e, outbox.attempts(e.id())));
            }
            OutboxDepth depth = outbox.depth();
            JsonObject destinations = new JsonObject();
            control.destinations().forEach((id, state) -> destinations.put(id, String.valueOf(state)));
            return new JsonObject().put("entries", entries).put("destinations", destinations)
                    .put("depth", new JsonObject().put("pending", depth.pending()).put("dead", depth.dead())
                            .put("delivered", depth.delivered()));
        });
    }

    private void replay(RoutingContext ctx) {
        JsonObject body = JsonBody.read(ctx, Set.of("id", "destination", "since"));
        ReplaySelection selection = selection(body);
        String user = ApiGuard.session(ctx).username();
        control.replay(selection).compose(n -> blocking.run(() -> {
            auditor.record(user, "delivery.replay", "outbox", describe(selection), "replayed=" + n);
            return n;
        })).onSuccess(n -> Responses.json(ctx, 200, new JsonObject().put("replayed", n))).onFailure(ctx::fail);
    }

    private static ReplaySelection selection(JsonObject body) {
        if (body.size() != 1) {
            throw ApiProblem.invalid(Map.of("id", "give exactly one of id, destination or since"));
        }
        String field = body.fieldNames().iterator().next();
        Object value = body.getValue(field);
        if (!(value instanceof String text)) {
            throw ApiProblem.invalid(Map.of(field, "expected a string"));
        }
        if (field.equals("since")) {
            try {
                return new ReplaySelection.Since(Instant.parse(text));
            } catch (DateTimeParseException e) {
                throw ApiProblem.invalid(Map.of("since", "expected an ISO-8601 instant such as 2026-11-21T00:00:00Z"));
            }
        }
        if (!ID.matcher(text).matches()) {
            throw ApiProblem.invalid(Map.of(field, field.equals("id") ? "expected an outbox entry id"
                    : "expected a destination id"));
        }
        return field.equals("id") ? new ReplaySelection.One(text) : new ReplaySelection.Destination(text);
    }

    private static String describe(ReplaySelection s) {
        if (s instanceof ReplaySelection.One one) {
            return one.entryId();
        }
        return s instanceof ReplaySelection.Destination d ? "destination:" + d.destinationId()
                : "since:" + ((ReplaySelection.Since) s).since();
    }

    private static JsonObject entry(OutboxEntry e, List<DeliveryAttempt> attempts) {
        JsonArray recent = new JsonArray();
        attempts.subList(Math.max(0, attempts.size() - RECENT_ATTEMPTS), attempts.size()).forEach(a -> recent.add(
                new JsonObject().put("at", a.at().toString())
                        .put("status", a.statusCode().isPresent() ? a.statusCode().getAsInt() : null)
                        .put("latencyMillis", a.latencyMillis()).put("error", a.error().orElse(null))));
        return new JsonObject().put("id", e.id()).put("ticketId", e.ticketId()).put("destination", e.destinationId())
                .put("eventType", e.eventType()).put("createdAt", e.createdAt().toString())
                .put("nextAttemptAt", e.nextAttemptAt().toString()).put("attempts", e.attempts())
                .put("state", e.state().name()).put("lastError", e.lastError().orElse(null))
                .put("recentAttempts", recent);
    }
}
