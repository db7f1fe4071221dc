package org.hth.hotline.core.referral;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The allowed status changes: {@code OPEN → DISPATCHED → ACCEPTED | REJECTED → DONE → CLOSED}. A
 * destination may answer before the dispatcher has marked the ticket dispatched (its own delivery came
 * first), so {@code OPEN → ACCEPTED | REJECTED} is allowed; a rejected referral may still be accepted by
 * another destination or be re-opened by the coordinator ({@code REJECTED → OPEN}). Immutable.
 */
public final class TicketTransitions {
    private static final Map<TicketStatus, Set<TicketStatus>> ALLOWED = new EnumMap<>(TicketStatus.class);

    static {
        ALLOWED.put(TicketStatus.OPEN, EnumSet.of(TicketStatus.DISPATCHED, TicketStatus.ACCEPTED, TicketStatus.REJECTED));
        ALLOWED.put(TicketStatus.DISPATCHED, EnumSet.of(TicketStatus.ACCEPTED, TicketStatus.REJECTED));
        ALLOWED.put(TicketStatus.ACCEPTED, EnumSet.of(TicketStatus.DONE));
        ALLOWED.put(TicketStatus.REJECTED, EnumSet.of(TicketStatus.ACCEPTED, TicketStatus.OPEN, TicketStatus.CLOSED));
        ALLOWED.put(TicketStatus.DONE, EnumSet.of(TicketStatus.CLOSED));
        ALLOWED.put(TicketStatus.CLOSED, EnumSet.noneOf(TicketStatus.class));
    }

    private TicketTransitions() {
    }

    public static boolean allowed(TicketStatus from, TicketStatus to) {
        return ALLOWED.get(from).contains(to);
    }

    /** @throws IllegalTransitionException when {@code from → to} is not allowed */
    public static void check(String ticketId, TicketStatus from, TicketStatus to) {
        if (!allowed(from, to)) {
            throw new IllegalTransitionException(ticketId, from, to);
        }
    }
}
