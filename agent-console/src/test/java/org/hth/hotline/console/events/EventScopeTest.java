package org.hth.hotline.console.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.hth.hotline.console.session.ConsoleSession;
import org.hth.hotline.core.live.LiveEvent;
import org.hth.hotline.core.user.Role;
import org.junit.jupiter.api.Test;

class EventScopeTest {
    private static final Instant NOW = Instant.parse("2026-11-21T03:00:00Z");
    private final ConsoleSession anna = session("anna", Set.of(Role.OPERATOR), Optional.of("op-anna"));
    private final ConsoleSession carla = session("carla", Set.of(Role.COORDINATOR), Optional.empty());
    private final ConsoleSession adam = session("adam", Set.of(Role.ADMIN), Optional.empty());

    @Test
    void ringingForAnotherOperatorIsNotDelivered() {
        assertThat(EventScope.allows(anna, event("call.ringing", Map.of("operatorId", "op-luca")))).isFalse();
        assertThat(EventScope.allows(anna, event("call.ringing", Map.of("operatorIds", List.of("op-luca"))))).isFalse();
        assertThat(EventScope.allows(anna, event("call.ringing", Map.of()))).isFalse();
    }

    @Test
    void ringingForThisOperatorIsDelivered() {
        assertThat(EventScope.allows(anna, event("call.ringing", Map.of("operatorId", "op-anna")))).isTrue();
        assertThat(EventScope.allows(anna, event("call.ringing", Map.of("operatorIds", List.of("op-x", "op-anna")))))
                .isTrue();
    }

    @Test
    void coordinatorsSeeEverything() {
        for (String type : List.of("call.ringing", "presence.changed", "delivery.dead", "delivery.succeeded",
                "ticket.created", "something.new")) {
            assertThat(EventScope.allows(carla, event(type, Map.of()))).as(type).isTrue();
        }
    }

    @Test
    void pbxConnectionReachesEveryone() {
        assertThat(EventScope.allows(adam, event("pbx.connection", Map.of("state", "DOWN")))).isTrue();
        assertThat(EventScope.allows(anna, event("pbx.connection", Map.of("state", "DOWN")))).isTrue();
    }

    @Test
    void deliveriesAndUnknownTypesStayWithCoordinators() {
        assertThat(EventScope.allows(anna, event("delivery.dead", Map.of("operatorId", "op-anna")))).isFalse();
        assertThat(EventScope.allows(adam, event("something.new", Map.of()))).isFalse();
    }

    @Test
    void ticketCreatedReachesItsAuthor() {
        assertThat(EventScope.allows(anna, event("ticket.created", Map.of("createdBy", "anna")))).isTrue();
        assertThat(EventScope.allows(anna, event("ticket.created", Map.of("createdBy", "luca")))).isFalse();
    }

    private static LiveEvent event(String type, Map<String, Object> data) {
        return new LiveEvent(type, NOW, data);
    }

    private static ConsoleSession session(String name, Set<Role> roles, Optional<String> operatorId) {
        return new ConsoleSession("id-" + name, name, roles, operatorId, "csrf", NOW, NOW);
    }
}
