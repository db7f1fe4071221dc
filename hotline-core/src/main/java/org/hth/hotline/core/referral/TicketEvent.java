package org.hth.hotline.core.referral;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One line of a ticket's history: who did what, when, and the status it led to, if any.
 *
 * @param at     when
 * @param by     a user name, a destination id ({@code destination:uor}) or {@code system}
 * @param action what happened, e.g. {@code created}, {@code dispatched}, {@code status}
 * @param status the status the ticket moved to
 * @param detail a short free text (a rejection reason, the rule that chose a destination)
 */
public record TicketEvent(Instant at, String by, String action, Optional<TicketStatus> status, String detail) {
    public TicketEvent {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(by, "by");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(detail, "detail");
    }
}
