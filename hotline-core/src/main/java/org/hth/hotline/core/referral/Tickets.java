package org.hth.hotline.core.referral;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The one place new tickets are built from a draft, so that a new ticket component is added here only.
 * Stateless.
 */
public final class Tickets {
    private Tickets() {
    }

    /**
     * A new ticket from a validated draft.
     *
     * @throws java.util.NoSuchElementException when the draft lacks a required value (validate first)
     */
    public static Ticket fromDraft(String id, TicketKind kind, Instant at, String openedBy, TicketDraft draft,
                                   List<String> destinations, List<TicketEvent> history) {
        return new Ticket(id, kind, at, openedBy, draft.callId(), draft.accessChannel().orElseThrow(),
                draft.exploitation(), draft.person(), draft.needs(), draft.urgency().orElseThrow(),
                draft.territory().orElseThrow(), draft.consent(), draft.summary(), destinations, TicketStatus.OPEN,
                history, Optional.empty());
    }
}
