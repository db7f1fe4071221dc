package org.hth.hotline.core.store;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.hth.hotline.core.outbox.OutboxEntry;
import org.hth.hotline.core.referral.Ticket;
import org.hth.hotline.core.referral.TicketEvent;
import org.hth.hotline.core.referral.TicketQuery;
import org.hth.hotline.core.referral.TicketStatus;

/** Referral tickets and their history. Thread-safe. */
public interface TicketStore {

    /**
     * Writes a new ticket and its outbox entries in one transaction: either all are stored or none.
     *
     * @throws AlreadyExistsException when the ticket id, or an entry id, is taken
     */
    void create(Ticket ticket, List<OutboxEntry> outbox);

    Optional<Ticket> find(String ticketId);

    /**
     * Appends an event to a ticket's history (moving it to the event's status, if it names one) and
     * writes the given outbox entries, in one transaction.
     *
     * @return the ticket as it now is
     * @throws NotFoundException when there is no such ticket
     */
    Ticket append(String ticketId, TicketEvent event, List<OutboxEntry> outbox);

    /**
     * Appends to each of the given tickets the event {@code eventFor} chooses from the ticket as it is in the
     * store (moving it to the event's status, if it names one), or leaves the ticket unchanged when it chooses
     * none; all in one transaction. For many tickets at once (the dispatcher marking a batch dispatched), at
     * the cost of one store call instead of a read and a write per ticket.
     *
     * @param ticketIds the tickets; an id given twice counts once, ids with no ticket are left out
     * @param eventFor  given a ticket as stored, the event to append to it, if any; no side effects (it may be
     *                  called again for the same ticket when a concurrent change forces a retry)
     * @return the tickets changed, as they now are, in the order of {@code ticketIds}
     */
    List<Ticket> appendEach(List<String> ticketIds, Function<Ticket, Optional<TicketEvent>> eventFor);

    /**
     * Appends to each of the given tickets whose stored status is one of {@code from} the event {@code eventFor}
     * makes from the ticket's destinations (moving it to the event's status, if it names one); all in one
     * transaction. For the dispatcher marking a batch dispatched: the event needs nothing of the ticket but its
     * destinations, so a store may do this without reading and writing the whole ticket.
     *
     * @param ticketIds the tickets; an id given twice counts once, ids with no ticket are left out
     * @param from      the statuses a ticket must be in, as stored, to be changed
     * @param eventFor  given a ticket's destinations, the event to append; no side effects
     * @return the ids of the tickets changed, in the order of {@code ticketIds}
     */
    default List<String> appendEachFrom(List<String> ticketIds, Set<TicketStatus> from,
                                        Function<List<String>, TicketEvent> eventFor) {
        return appendEach(ticketIds, ticket -> from.contains(ticket.status())
                ? Optional.of(eventFor.apply(ticket.destinations())) : Optional.empty())
                .stream().map(Ticket::id).toList();
    }

    /** Tickets that match, newest first. */
    List<Ticket> query(TicketQuery query);
}
