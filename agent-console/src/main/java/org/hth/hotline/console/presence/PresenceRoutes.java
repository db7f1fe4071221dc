package org.hth.hotline.console.presence;

import java.time.Clock;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

import org.hth.hotline.console.api.ApiProblem;
import org.hth.hotline.console.api.ApiRouter;
import org.hth.hotline.console.api.ApiRoutes;
import org.hth.hotline.console.api.Blocking;
import org.hth.hotline.console.api.JsonBody;
import org.hth.hotline.console.session.ApiGuard;
import org.hth.hotline.console.session.ConsoleSession;
import org.hth.hotline.core.live.LiveEvent;
import org.hth.hotline.core.live.LiveEvents;
import org.hth.hotline.core.roster.Presence;
import org.hth.hotline.core.roster.PresenceState;
import org.hth.hotline.core.store.RosterStore;
import org.hth.hotline.core.user.Role;

/**
 * {@code PUT /api/me/presence {"state": "AVAILABLE" | "AWAY" | "WRAP_UP"}} for an operator user linked to a
 * roster operator: stores the presence (the roster rings only {@code AVAILABLE}) and publishes
 * {@code presence.changed}. {@code ON_CALL} is set by the call tracker, not by people. Handlers on the event
 * loop, the store on a worker. Thread-safe.
 */
public final class PresenceRoutes implements ApiRoutes {
    private static final Set<PresenceState> SETTABLE =
            EnumSet.of(PresenceState.AVAILABLE, PresenceState.AWAY, PresenceState.WRAP_UP);

    private final RosterStore roster;
    private final LiveEvents events;
    private final Blocking blocking;
    private final Clock clock;

    public PresenceRoutes(RosterStore roster, LiveEvents events, Blocking blocking, Clock clock) {
        this.roster = roster;
        this.events = events;
        this.blocking = blocking;
        this.clock = clock;
    }

    @Override
    public void register(ApiRouter api) {
        api.put("/api/me/presence", this::set, Role.OPERATOR);
        api.get("/api/me/presence", this::get, Role.OPERATOR);
    }

    private void set(RoutingContext ctx) {
        String operatorId = operatorId(ApiGuard.session(ctx));
        JsonObject body = JsonBody.read(ctx, Set.of("state"));
        PresenceState state = parse(body.getValue("state"));
        Presence presence = new Presence(operatorId, state, clock.instant());
        blocking.respond(ctx, () -> {
            roster.setPresence(presence);
            events.publish(new LiveEvent("presence.changed", presence.since(),
                    Map.of("operatorId", operatorId, "state", state.name())));
            return toJson(presence);
        });
    }

    private void get(RoutingContext ctx) {
        String operatorId = operatorId(ApiGuard.session(ctx));
        blocking.respond(ctx, () -> roster.presence(operatorId).map(PresenceRoutes::toJson)
                .orElse(new JsonObject().put("operatorId", operatorId).put("state", PresenceState.AWAY.name())));
    }

    private static String operatorId(ConsoleSession session) {
        return session.operatorId().orElseThrow(
                () -> ApiProblem.forbidden("this user is not linked to a roster operator"));
    }

    private static PresenceState parse(Object value) {
        Optional<PresenceState> state = SETTABLE.stream().filter(s -> s.name().equals(value)).findFirst();
        return state.orElseThrow(() -> ApiProblem.invalid(Map.of("state", "expected one of " + SETTABLE)));
    }

    private static JsonObject toJson(Presence presence) {
        return new JsonObject().put("operatorId", presence.operatorId()).put("state", presence.state().name())
                .put("since", presence.since().toString());
    }
}
