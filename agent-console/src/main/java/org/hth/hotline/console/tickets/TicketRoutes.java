package org.hth.hotline.console.tickets;

import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

import org.hth.hotline.console.api.ApiProblem;
import org.hth.hotline.console.api.ApiRouter;
import org.hth.hotline.console.api.ApiRoutes;
import org.hth.hotline.console.api.Blocking;
import org.hth.hotline.console.api.JsonBody;
import org.hth.hotline.console.api.Responses;
import org.hth.hotline.console.audit.Auditor;
import org.hth.hotline.console.session.ApiGuard;
import org.hth.hotline.console.session.ConsoleSession;
import org.hth.hotline.core.callback.CallbackRefusedException;
import org.hth.hotline.core.callback.CallbackService;
import org.hth.hotline.core.referral.Ticket;
import org.hth.hotline.core.referral.TicketDraft;
import org.hth.hotline.core.referral.TicketKind;
import org.hth.hotline.core.referral.TicketQuery;
import org.hth.hotline.core.referral.TicketService;
import org.hth.hotline.core.referral.TicketStatus;
import org.hth.hotline.core.referral.TicketValidationException;
import org.hth.hotline.core.roster.EndpointKind;
import org.hth.hotline.core.roster.Roster;
import org.hth.hotline.core.store.Store;
import org.hth.hotline.core.user.Role;

/**
 * {@code POST /api/tickets} (operators: open a referral), {@code GET /api/tickets?status&destination} (an
 * operator's own recent tickets, all of them for coordinators, with the delivery state per destination),
 * {@code GET /api/tickets/:id} (with history and delivery log; an operator sees their own tickets and callback
 * tickets, others get 404) and {@code POST /api/tickets/:id/callback} (operators: ring the operator's console,
 * then the caller; 409 with the reason when the ticket does not allow it). Every view and change is audited.
 * Handlers on the event loop, store and AMI on workers. Thread-safe.
 */
public final class TicketRoutes implements ApiRoutes {
    static final int LIST_LIMIT = 50;
    private static final int SCAN_LIMIT = 500;
    private static final Pattern ID = Pattern.compile("[0-9A-Z]{1,40}");
    private static final Pattern DESTINATION = Pattern.compile("[a-z0-9-]{1,40}");

    private final Store store;
    private final TicketService service;
    private final CallbackService callbacks;
    private final Supplier<Roster> roster;
    private final Auditor auditor;
    private final Blocking blocking;

    public TicketRoutes(Store store, TicketService service, CallbackService callbacks, Supplier<Roster> roster,
                        Auditor auditor, Blocking blocking) {
        this.store = store;
        this.service = service;
        this.callbacks = callbacks;
        this.roster = roster;
        this.auditor = auditor;
        this.blocking = blocking;
    }

    @Override
    public void register(ApiRouter api) {
        api.post("/api/tickets", this::open, Role.OPERATOR);
        api.get("/api/tickets", this::list, Role.OPERATOR, Role.COORDINATOR);
        api.get("/api/tickets/:id", this::get, Role.OPERATOR, Role.COORDINATOR);
        api.post("/api/tickets/:id/callback", this::callback, Role.OPERATOR);
    }

    private void open(RoutingContext ctx) {
        String user = ApiGuard.session(ctx).username();
        TicketDraft draft = TicketDraftJson.parse(JsonBody.read(ctx, TicketDraftJson.FIELDS));
        blocking.run(() -> {
            Ticket ticket;
            try {
                ticket = service.open(draft, user);
            } catch (TicketValidationException e) {
                throw ApiProblem.invalid(e.fields());
            }
            auditor.record(user, "ticket.create", "ticket", ticket.id(),
                    "destinations=" + String.join(",", ticket.destinations()));
            return json(ticket, false);
        }).onSuccess(body -> Responses.json(ctx, 201, body)).onFailure(ctx::fail);
    }

    private void list(RoutingContext ctx) {
        ConsoleSession session = ApiGuard.session(ctx);
        Optional<TicketStatus> status = enumParam(ctx, "status", TicketStatus.class);
        Optional<String> destination = Optional.ofNullable(ctx.queryParams().get("destination"));
        if (destination.isPresent() && !DESTINATION.matcher(destination.get()).matches()) {
            throw ApiProblem.invalid(Map.of("destination", "expected a destination id such as uor"));
        }
        boolean all = session.has(Role.COORDINATOR);
        blocking.respond(ctx, () -> {
            JsonArray items = new JsonArray();
            store.tickets().query(new TicketQuery(status, destination, Optional.empty(), all ? LIST_LIMIT : SCAN_LIMIT))
                    .stream().filter(t -> all || t.createdBy().equals(session.username())).limit(LIST_LIMIT)
                    .forEach(t -> items.add(TicketJson.summary(t, store.outbox().forTicket(t.id()),
                            callbacks.possible(t))));
            auditor.record(session.username(), "ticket.list", "ticket", "-", "tickets=" + items.size());
            return new JsonObject().put("items", items);
        });
    }

    private void get(RoutingContext ctx) {
        ConsoleSession session = ApiGuard.session(ctx);
        String id = ticketId(ctx);
        blocking.respond(ctx, () -> {
            Ticket ticket = visible(session, id);
            auditor.record(session.username(), "ticket.view", "ticket", id, "");
            return json(ticket, true);
        });
    }

    private void callback(RoutingContext ctx) {
        ConsoleSession session = ApiGuard.session(ctx);
        String id = ticketId(ctx);
        String operatorId = session.operatorId()
                .orElseThrow(() -> ApiProblem.forbidden("this user is not linked to a roster operator"));
        blocking.run(() -> {
            visible(session, id);
            String endpoint = roster.get().operator(operatorId).flatMap(o -> o.endpoint(EndpointKind.CONSOLE))
                    .orElseThrow(() -> new ApiProblem(409, "NO_CONSOLE_ENDPOINT",
                            "your roster entry has no console endpoint to ring first"));
            try {
                callbacks.call(id, endpoint, session.username());
            } catch (CallbackRefusedException e) {
                auditor.record(session.username(), "ticket.callback.refused", "ticket", id, e.getMessage());
                throw new ApiProblem(409, "CALLBACK_REFUSED", e.getMessage());
            }
            auditor.record(session.username(), "ticket.callback", "ticket", id, "ringing " + endpoint);
            return new JsonObject().put("ticket", id).put("state", "RINGING_OPERATOR").put("endpoint", endpoint);
        }).onSuccess(body -> Responses.json(ctx, 202, body)).onFailure(ctx::fail);
    }

    private JsonObject json(Ticket ticket, boolean full) {
        var entries = store.outbox().forTicket(ticket.id());
        boolean possible = callbacks.possible(ticket);
        return full ? TicketJson.full(ticket, entries, possible) : TicketJson.summary(ticket, entries, possible);
    }

    /** The ticket, when this user may see it; a refused look is audited and answered like a missing ticket. */
    private Ticket visible(ConsoleSession session, String id) {
        Ticket ticket = store.tickets().find(id).orElseThrow(() -> ApiProblem.notFound("ticket"));
        boolean mine = ticket.createdBy().equals(session.username()) || ticket.kind() == TicketKind.CALLBACK;
        if (!session.has(Role.COORDINATOR) && !mine) {
            auditor.record(session.username(), "ticket.view.denied", "ticket", id, "not the author");
            throw ApiProblem.notFound("ticket");
        }
        return ticket;
    }

    private static String ticketId(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        if (id == null || !ID.matcher(id).matches()) {
            throw ApiProblem.notFound("ticket");
        }
        return id;
    }

    private static <E extends Enum<E>> Optional<E> enumParam(RoutingContext ctx, String name, Class<E> type) {
        String value = ctx.queryParams().get(name);
        if (value == null || value.isEmpty()) {
            return Optional.empty();
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(value)) {
                return Optional.of(constant);
            }
        }
        throw ApiProblem.invalid(Map.of(name, "expected one of " + java.util.List.of(type.getEnumConstants())));
    }
}
