package org.hth.hotline.console.callers;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

import org.hth.hotline.console.api.ApiProblem;
import org.hth.hotline.console.api.ApiRouter;
import org.hth.hotline.console.api.ApiRoutes;
import org.hth.hotline.console.api.Blocking;
import org.hth.hotline.console.audit.Auditor;
import org.hth.hotline.console.session.ApiGuard;
import org.hth.hotline.core.call.CallRecord;
import org.hth.hotline.core.referral.Ticket;
import org.hth.hotline.core.referral.TicketQuery;
import org.hth.hotline.core.referral.TicketStatus;
import org.hth.hotline.core.store.CallStore;
import org.hth.hotline.core.store.TicketStore;
import org.hth.hotline.core.user.Role;

/**
 * {@code GET /api/callers/:pseudonym/history} for operators and coordinators: the caller's previous calls
 * (dates, outcomes, languages) and the tickets of those calls that are still open. Only ids, dates, states
 * and codes: no number, no notes, no ticket summary. Audited. Handlers on the event loop, store on a worker.
 * Thread-safe.
 */
public final class CallerHistoryRoutes implements ApiRoutes {
    static final int MAX_CALLS = 20;
    private static final Pattern PSEUDONYM = Pattern.compile("[A-Za-z0-9_=.:-]{1,128}");
    private static final Set<TicketStatus> CLOSED = EnumSet.of(TicketStatus.DONE, TicketStatus.CLOSED);

    private final CallStore calls;
    private final TicketStore tickets;
    private final Auditor auditor;
    private final Blocking blocking;

    public CallerHistoryRoutes(CallStore calls, TicketStore tickets, Auditor auditor, Blocking blocking) {
        this.calls = calls;
        this.tickets = tickets;
        this.auditor = auditor;
        this.blocking = blocking;
    }

    @Override
    public void register(ApiRouter api) {
        api.get("/api/callers/:pseudonym/history", this::history, Role.OPERATOR, Role.COORDINATOR);
    }

    private void history(RoutingContext ctx) {
        String pseudonym = ctx.pathParam("pseudonym");
        if (pseudonym == null || !PSEUDONYM.matcher(pseudonym).matches()) {
            throw ApiProblem.invalid(Map.of("pseudonym", "expected a caller pseudonym"));
        }
        String user = ApiGuard.session(ctx).username();
        blocking.respond(ctx, () -> {
            JsonArray callsJson = new JsonArray();
            Map<String, Ticket> open = new LinkedHashMap<>();
            for (CallRecord c : calls.byCaller(pseudonym, MAX_CALLS).items()) {
                callsJson.add(new JsonObject().put("callId", c.callId()).put("startedAt", c.startedAt().toString())
                        .put("outcome", c.outcome().name()).put("language", c.language().orElse(null))
                        .put("waitSeconds", c.waitSeconds()).put("talkSeconds", c.talkSeconds())
                        .put("category", c.category().map(Enum::name).orElse(null)));
                for (Ticket t : tickets.query(new TicketQuery(Optional.empty(), Optional.empty(),
                        Optional.of(c.callId()), MAX_CALLS))) {
                    if (!CLOSED.contains(t.status())) {
                        open.putIfAbsent(t.id(), t);
                    }
                }
            }
            JsonArray ticketsJson = new JsonArray();
            open.values().forEach(t -> ticketsJson.add(new JsonObject().put("ticketId", t.id())
                    .put("kind", t.kind().name()).put("createdAt", t.createdAt().toString())
                    .put("callId", t.callId().orElse(null)).put("status", t.status().name())
                    .put("urgency", t.urgency().name()).put("territory", t.territory().name())));
            auditor.record(user, "caller.history", "caller", pseudonym,
                    "calls=" + callsJson.size() + " openTickets=" + ticketsJson.size());
            return new JsonObject().put("pseudonym", pseudonym).put("calls", callsJson)
                    .put("openTickets", ticketsJson);
        });
    }
}
