package org.hth.hotline.console.events;

import java.util.Collection;
import java.util.Objects;

import org.hth.hotline.console.session.ConsoleSession;
import org.hth.hotline.core.live.LiveEvent;
import org.hth.hotline.core.user.Role;

/**
 * Who may receive which live event:
 * <ul>
 *   <li>{@code pbx.connection}: everyone (the console says when the PBX is down);</li>
 *   <li>{@code call.ringing}, {@code call.answered}, {@code call.ended}: coordinators, and the operator(s) the
 *       event names in {@code data.operatorId} or {@code data.operatorIds};</li>
 *   <li>{@code presence.changed}: coordinators, and the operator it is about;</li>
 *   <li>{@code ticket.created}: coordinators, and its author ({@code data.createdBy});</li>
 *   <li>{@code delivery.*} and any other type: coordinators only.</li>
 * </ul>
 * Stateless.
 */
public final class EventScope {
    private EventScope() {
    }

    public static boolean allows(ConsoleSession session, LiveEvent event) {
        String type = event.type();
        if (type.equals("pbx.connection")) {
            return true;
        }
        if (session.has(Role.COORDINATOR)) {
            return true;
        }
        return switch (type) {
            case "call.ringing", "call.answered", "call.ended", "presence.changed" -> namesOperator(session, event);
            case "ticket.created" -> session.username().equals(event.data().get("createdBy"));
            default -> false;
        };
    }

    private static boolean namesOperator(ConsoleSession session, LiveEvent event) {
        if (session.operatorId().isEmpty()) {
            return false;
        }
        String me = session.operatorId().get();
        Object one = event.data().get("operatorId");
        Object many = event.data().get("operatorIds");
        return Objects.equals(me, one) || (many instanceof Collection<?> ids && ids.contains(me));
    }
}
