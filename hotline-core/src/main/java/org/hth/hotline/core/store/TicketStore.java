package org.hth.hotline.core.store;

import java.util.List;
import java.util.Optional;

import org.hth.hotline.core.outbox.OutboxEntry;
import org.hth.hotline.core.referral.Ticket;
import org.hth.hotline.core.referral.TicketEvent;
import org.hth.hotline.core.referral.TicketQuery;

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

    /** Tickets that match, newest first. */
    List<Ticket> query(TicketQuery query);
}
