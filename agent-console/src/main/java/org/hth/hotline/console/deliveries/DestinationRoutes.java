package org.hth.hotline.console.deliveries;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

import org.hth.hotline.console.api.ApiProblem;
import org.hth.hotline.console.api.ApiRouter;
import org.hth.hotline.console.api.ApiRoutes;
import org.hth.hotline.console.api.Blocking;
import org.hth.hotline.console.api.FieldErrors;
import org.hth.hotline.console.api.JsonBody;
import org.hth.hotline.console.api.Responses;
import org.hth.hotline.console.audit.Auditor;
import org.hth.hotline.console.session.ApiGuard;
import org.hth.hotline.core.destination.Destination;
import org.hth.hotline.core.destination.DestinationChange;
import org.hth.hotline.core.destination.DestinationRegistry;
import org.hth.hotline.core.destination.DestinationUrl;
import org.hth.hotline.core.user.Role;

/**
 * {@code GET /api/destinations}: each destination as it is delivered to now (its URL, whether it is enabled and
 * configured, its delivery state) and whether a coordinator's change applies, by whom and when, next to the
 * configured values; {@code PUT /api/destinations/{id}} with {@code url}, {@code enabled} or both: changes them
 * (audited with the URL's host only, never its path or a secret); {@code DELETE /api/destinations/{id}/override}:
 * forgets the change, so the configured values apply again (audited the same way). Secrets stay in the
 * environment and are never shown. Store on workers. Thread-safe.
 */
public final class DestinationRoutes implements ApiRoutes {
    private static final int MAX_URL = 2_000;

    private final DestinationRegistry registry;
    private final DeliveryControl control;
    private final Auditor auditor;
    private final Blocking blocking;

    public DestinationRoutes(DestinationRegistry registry, DeliveryControl control, Auditor auditor, Blocking blocking) {
        this.registry = registry;
        this.control = control;
        this.auditor = auditor;
        this.blocking = blocking;
    }

    @Override
    public void register(ApiRouter api) {
        api.get("/api/destinations", this::list, Role.COORDINATOR);
        api.put("/api/destinations/:id", this::change, Role.COORDINATOR);
        api.delete("/api/destinations/:id/override", this::reset, Role.COORDINATOR);
    }

    private void list(RoutingContext ctx) {
        Map<String, Object> states = control.destinations();
        JsonArray destinations = new JsonArray();
        registry.current().all().forEach(d -> destinations.add(json(d, states)));
        Responses.json(ctx, 200, new JsonObject().put("destinations", destinations));
    }

    private void change(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        if (registry.configured().find(id).isEmpty()) {
            throw ApiProblem.notFound("destination");
        }
        JsonObject body = JsonBody.read(ctx, Set.of("url", "enabled"));
        FieldErrors errors = new FieldErrors();
        if (body.isEmpty()) {
            errors.add("url", "give url, enabled or both");
        }
        Optional<URI> url = url(body, errors);
        Optional<Boolean> enabled = Optional.empty();
        if (body.containsKey("enabled")) {
            if (body.getValue("enabled") instanceof Boolean b) {
                enabled = Optional.of(b);
            } else {
                errors.add("enabled", "expected true or false");
            }
        }
        errors.throwIfAny();
        String user = ApiGuard.session(ctx).username();
        Optional<Boolean> wanted = enabled;
        blocking.run(() -> {
            DestinationChange change = registry.change(id, url, wanted, user);
            auditor.record(user, "destination.change", "destination", id, change.describe());
            return change;
        }).onSuccess(change -> Responses.json(ctx, 200, json(change.after(), control.destinations())))
                .onFailure(ctx::fail);
    }

    private void reset(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        if (registry.configured().find(id).isEmpty()) {
            throw ApiProblem.notFound("destination");
        }
        String user = ApiGuard.session(ctx).username();
        blocking.run(() -> {
            DestinationChange change = registry.reset(id);
            auditor.record(user, "destination.reset", "destination", id, change.describe());
            return change;
        }).onSuccess(change -> Responses.json(ctx, 200, json(change.after(), control.destinations())))
                .onFailure(ctx::fail);
    }

    private static Optional<URI> url(JsonObject body, FieldErrors errors) {
        if (!body.containsKey("url")) {
            return Optional.empty();
        }
        if (!(body.getValue("url") instanceof String text) || text.isBlank()) {
            errors.add("url", "expected the destination's webhook URL, e.g. https://unit.example/hotline");
            return Optional.empty();
        }
        if (text.length() > MAX_URL) {
            errors.add("url", "at most " + MAX_URL + " characters");
            return Optional.empty();
        }
        try {
            return Optional.of(DestinationUrl.parse(text));
        } catch (IllegalArgumentException e) {
            errors.add("url", e.getMessage());
            return Optional.empty();
        }
    }

    private JsonObject json(Destination d, Map<String, Object> states) {
        Destination configured = registry.configured().find(d.id()).orElse(d);
        JsonObject json = new JsonObject().put("id", d.id()).put("name", d.name())
                .put("url", d.url().map(URI::toString).orElse(null)).put("enabled", d.enabled())
                .put("configured", d.configured()).put("missing", d.missing().orElse(null))
                .put("state", states.containsKey(d.id()) ? String.valueOf(states.get(d.id())) : null)
                .put("configuredUrl", configured.url().map(URI::toString).orElse(null))
                .put("configuredEnabled", configured.enabled());
        var override = registry.overrideOf(d.id());
        json.put("overridden", override.isPresent());
        override.ifPresent(o -> json.put("changedBy", o.changedBy()).put("changedAt", o.changedAt().toString()));
        return json;
    }
}
