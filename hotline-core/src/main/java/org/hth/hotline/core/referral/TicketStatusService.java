package org.hth.hotline.core.referral;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.hth.hotline.core.live.LiveEvent;
import org.hth.hotline.core.live.LiveEvents;
import org.hth.hotline.core.store.NotFoundException;
import org.hth.hotline.core.store.TicketStore;

/**
 * Moves tickets through their life cycle: a destination's answer ({@code ACCEPTED}, {@code REJECTED} with
 * a reason, {@code DONE}) and the dispatcher's {@code DISPATCHED}. Every change goes into the history; a
 * rejection also goes back to the coordinator as a {@code ticket.rejected} live event. A destination
 * that repeats its last answer gets the ticket unchanged. Changes are serialised within this instance
 * (one node); blocking (the store): call from a worker thread. Thread-safe.
 */
public final class TicketStatusService {
    /** What a destination may answer. */
    public static final Set<TicketStatus> ANSWERS = EnumSet.of(TicketStatus.ACCEPTED, TicketStatus.REJECTED,
            TicketStatus.DONE);
    /** The statuses a ticket may be marked dispatched from. */
    private static final Set<TicketStatus> DISPATCHABLE = dispatchable();
    private final TicketStore store;
    private final Clock clock;
    private final LiveEvents live;

    public TicketStatusService(TicketStore store, Clock clock, LiveEvents live) {
        this.store = store;
        this.clock = clock;
        this.live = live;
    }

    /**
     * Records a destination's answer.
     *
     * @throws NotFoundException           when there is no such ticket
     * @throws NotADestinationException    when the ticket was not sent to that destination
     * @throws IllegalTransitionException  when the life cycle does not allow the change
     * @throws IllegalArgumentException    for a status a destination may not send, or a rejection without reason
     */
    public synchronized Ticket answer(String ticketId, String destinationId, TicketStatus status, Optional<String> reason) {
        if (!ANSWERS.contains(status)) {
            throw new IllegalArgumentException("a destination answers ACCEPTED, REJECTED or DONE, not " + status);
        }
        if (status == TicketStatus.REJECTED && reason.filter(r -> !r.isBlank()).isEmpty()) {
            throw new IllegalArgumentException("a rejection needs a reason");
        }
        Ticket ticket = store.find(ticketId).orElseThrow(() -> new NotFoundException("ticket", ticketId));
        if (!ticket.destinations().contains(destinationId)) {
            throw new NotADestinationException(ticketId, destinationId);
        }
        String by = "destination:" + destinationId;
        if (repeats(ticket, by, status)) {
            return ticket;
        }
        Instant now = clock.instant();
        Optional<TicketStatus> moveTo = Optional.of(status);
        if (status == TicketStatus.REJECTED && ticket.status() == TicketStatus.ACCEPTED) {
            moveTo = Optional.empty(); // another destination took it: keep ACCEPTED, record the refusal
        } else {
            TicketTransitions.check(ticketId, ticket.status(), status);
        }
        Ticket updated = store.append(ticketId, new TicketEvent(now, by, "status", moveTo, reason.orElse("")), List.of());
        if (status == TicketStatus.REJECTED) {
            live.publish(new LiveEvent("ticket.rejected", now, Map.of("ticket", ticketId, "destination", destinationId,
                    "status", updated.status().name())));
        }
        return updated;
    }

    /** Marks an open ticket dispatched (all its deliveries made); any other status is left as it is. */
    public synchronized Optional<Ticket> markDispatched(String ticketId) {
        Ticket ticket = store.find(ticketId).orElseThrow(() -> new NotFoundException("ticket", ticketId));
        if (!TicketTransitions.allowed(ticket.status(), TicketStatus.DISPATCHED)) {
            return Optional.empty();
        }
        return Optional.of(store.append(ticketId, dispatched(ticket, clock.instant()), List.of()));
    }

    /**
     * Marks the open ones of these tickets dispatched, in one store call that needs no more of a ticket than its
     * status and destinations ({@link TicketStore#appendEachFrom}): the status is checked on the ticket as
     * stored, inside the store's transaction; tickets in any other status, and ids with no ticket, are left as
     * they are. The dispatcher's way.
     *
     * @return the ids of the tickets marked dispatched
     */
    public synchronized List<String> markEachDispatched(List<String> ticketIds) {
        Instant now = clock.instant();
        return store.appendEachFrom(ticketIds, DISPATCHABLE, destinations -> dispatched(destinations, now));
    }

    private static TicketEvent dispatched(Ticket ticket, Instant at) {
        return dispatched(ticket.destinations(), at);
    }

    private static TicketEvent dispatched(List<String> destinations, Instant at) {
        return new TicketEvent(at, "system", "dispatched", Optional.of(TicketStatus.DISPATCHED),
                "delivered to " + String.join(", ", destinations));
    }

    private static Set<TicketStatus> dispatchable() {
        Set<TicketStatus> from = EnumSet.noneOf(TicketStatus.class);
        for (TicketStatus status : TicketStatus.values()) {
            if (TicketTransitions.allowed(status, TicketStatus.DISPATCHED)) {
                from.add(status);
            }
        }
        return Set.copyOf(from);
    }

    private static boolean repeats(Ticket ticket, String by, TicketStatus status) {
        for (int i = ticket.history().size() - 1; i >= 0; i--) {
            TicketEvent e = ticket.history().get(i);
            if (e.by().equals(by) && "status".equals(e.action())) {
                return e.status().map(s -> s == status).orElse(status == TicketStatus.REJECTED);
            }
        }
        return false;
    }
}
