package org.hth.hotline.dispatcher.status;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import org.hth.hotline.console.ApiError;
import org.hth.hotline.console.RouteMount;
import org.hth.hotline.core.destination.Destination;
import org.hth.hotline.core.destination.Destinations;
import org.hth.hotline.core.referral.IllegalTransitionException;
import org.hth.hotline.core.referral.NotADestinationException;
import org.hth.hotline.core.referral.Ticket;
import org.hth.hotline.core.referral.TicketStatus;
import org.hth.hotline.core.referral.TicketStatusService;
import org.hth.hotline.core.store.NotFoundException;
import org.hth.hotline.dispatcher.webhook.SignatureVerifier;
import org.hth.hotline.dispatcher.webhook.WebhookHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /api/referrals/{id}/status} with {@code {"status": "ACCEPTED"|"REJECTED"|"DONE", "reason": …}},
 * signed by the answering destination with its secret (Standard Webhooks headers; timestamps more than
 * 5 minutes off refused). The signature says which destination answers; only one the ticket was sent to
 * may. Answers: 200 with the ticket's status; 400 invalid body, 401 unsigned / bad signature / stale,
 * 403 not a destination of the ticket, 404 no such ticket, 409 a change the life cycle does not allow.
 * Handlers run on the event loop, the store on a worker thread. Thread-safe.
 */
public final class StatusRoute implements RouteMount {
    /** The paths this route serves, as a regular expression, for the console's list of signed paths. */
    public static final String PATH_PATTERN = "/api/referrals/[^/]+/status";

    public static final Duration TOLERANCE = Duration.ofMinutes(5);
    private static final Logger log = LoggerFactory.getLogger(StatusRoute.class);
    private final Destinations destinations;
    private final TicketStatusService statuses;
    private final Clock clock;
    private final SignatureVerifier verifier = new SignatureVerifier(TOLERANCE);

    public StatusRoute(Destinations destinations, TicketStatusService statuses, Clock clock) {
        this.destinations = destinations;
        this.statuses = statuses;
        this.clock = clock;
    }

    @Override
    public void mount(Router router) {
        router.post("/api/referrals/:id/status").handler(BodyHandler.create().setBodyLimit(16 * 1024))
                .handler(this::answer);
    }

    private void answer(RoutingContext ctx) {
        String ticketId = ctx.pathParam("id");
        String body = ctx.body().asString() == null ? "" : ctx.body().asString();
        Optional<String> id = header(ctx, WebhookHeaders.ID);
        Optional<String> timestamp = header(ctx, WebhookHeaders.TIMESTAMP);
        Optional<String> signature = header(ctx, WebhookHeaders.SIGNATURE);
        Instant now = clock.instant();
        Optional<Destination> signer = Optional.empty();
        SignatureVerifier.Result worst = SignatureVerifier.Result.BAD_SIGNATURE;
        for (Destination d : destinations.all()) {
            if (d.secrets().isEmpty()) {
                continue;
            }
            SignatureVerifier.Result r = verifier.verify(id, timestamp, signature, body, d.secrets().get().activeAt(now), now);
            if (r == SignatureVerifier.Result.VALID) {
                signer = Optional.of(d);
                break;
            }
            worst = r;
        }
        if (signer.isEmpty()) {
            switch (worst) {
                case MISSING_HEADERS -> ApiError.send(ctx, 401, "unauthenticated",
                        "sign the request: webhook-id, webhook-timestamp, webhook-signature");
                case STALE_TIMESTAMP -> ApiError.send(ctx, 401, "stale_timestamp",
                        "webhook-timestamp is more than 5 minutes from now");
                default -> ApiError.send(ctx, 401, "bad_signature", "no destination's secret signs this request");
            }
            return;
        }
        JsonObject json;
        try {
            json = new JsonObject(body);
        } catch (DecodeException | ClassCastException e) {
            ApiError.send(ctx, 400, "invalid", "the body must be a JSON object");
            return;
        }
        Optional<TicketStatus> status = parse(json.getValue("status"));
        Optional<String> reason = Optional.ofNullable(json.getValue("reason")).map(Object::toString).filter(r -> !r.isBlank());
        if (status.isEmpty() || !TicketStatusService.ANSWERS.contains(status.get())) {
            ApiError.send(ctx, 400, "invalid", "unknown status", new JsonObject().put("status", "ACCEPTED, REJECTED or DONE"));
            return;
        }
        if (status.get() == TicketStatus.REJECTED && reason.isEmpty()) {
            ApiError.send(ctx, 400, "invalid", "a rejection needs a reason", new JsonObject().put("reason", "required"));
            return;
        }
        String destinationId = signer.get().id();
        ctx.vertx().executeBlocking(() -> statuses.answer(ticketId, destinationId, status.get(), reason), false)
                .onSuccess(ticket -> ok(ctx, ticket))
                .onFailure(failure -> failed(ctx, ticketId, destinationId, failure));
    }

    private static void ok(RoutingContext ctx, Ticket ticket) {
        ctx.response().putHeader("Content-Type", "application/json")
                .end(new JsonObject().put("ticket", ticket.id()).put("status", ticket.status().name()).encode());
    }

    private static void failed(RoutingContext ctx, String ticketId, String destinationId, Throwable failure) {
        if (failure instanceof NotFoundException) {
            ApiError.send(ctx, 404, "not_found", "no ticket " + ticketId);
        } else if (failure instanceof NotADestinationException) {
            ApiError.send(ctx, 403, "not_a_destination", "ticket " + ticketId + " was not sent to " + destinationId);
        } else if (failure instanceof IllegalTransitionException e) {
            ApiError.send(ctx, 409, "bad_transition", e.getMessage());
        } else {
            log.error("status answer of {} for ticket {} failed: {}", destinationId, ticketId, failure.toString());
            ApiError.send(ctx, 500, "internal", "the answer could not be recorded; try again");
        }
    }

    private static Optional<TicketStatus> parse(Object value) {
        try {
            return value instanceof String s ? Optional.of(TicketStatus.valueOf(s)) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> header(RoutingContext ctx, String name) {
        return Optional.ofNullable(ctx.request().getHeader(name));
    }
}
