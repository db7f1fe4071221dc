package org.hth.hotline.core.store.redis;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.hth.hotline.core.referral.Ticket;

/**
 * The tickets this store wrote lately, each with the exact JSON it was stored as, so that reading that JSON
 * back (the dispatcher marking a ticket it delivered, moments after it was opened) skips parsing it: a ticket
 * is taken from here only when the stored text is equal to the text it was written as, so a change by any
 * other writer (another node, an older version) is always parsed. At most {@code capacity} tickets, the least
 * recently used dropped first. Thread-safe.
 */
final class ParsedTickets {
    private final Map<String, Written> tickets;

    ParsedTickets(int capacity) {
        this.tickets = new LinkedHashMap<>(Math.min(capacity, 1_024), 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Written> eldest) {
                return size() > capacity;
            }
        };
    }

    /** Remembers that this ticket is stored as this JSON. */
    synchronized void wrote(Ticket ticket, String json) {
        tickets.put(ticket.id(), new Written(json, ticket));
    }

    /** The ticket stored as this JSON, when it is the one remembered for its id. */
    synchronized Optional<Ticket> stored(String ticketId, String json) {
        Written written = tickets.get(ticketId);
        return written != null && written.json().equals(json) ? Optional.of(written.ticket()) : Optional.empty();
    }

    private record Written(String json, Ticket ticket) {
    }
}
