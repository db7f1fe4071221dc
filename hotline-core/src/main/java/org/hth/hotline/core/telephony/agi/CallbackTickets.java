package org.hth.hotline.core.telephony.agi;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.hth.hotline.core.privacy.NumberSealer;
import org.hth.hotline.core.referral.AccessChannel;
import org.hth.hotline.core.referral.Person;
import org.hth.hotline.core.referral.Territory;
import org.hth.hotline.core.referral.Ticket;
import org.hth.hotline.core.referral.TicketEvent;
import org.hth.hotline.core.referral.TicketKind;
import org.hth.hotline.core.referral.TicketStatus;
import org.hth.hotline.core.referral.Urgency;
import org.hth.hotline.core.store.TicketStore;

/**
 * Opens the callback ticket of a call nobody on call took: kind {@code CALLBACK}, channel Numero Verde,
 * urgency ordinary, territory {@link Territory#UNKNOWN}, the caller's language, no summary beyond the line and
 * the language, no destinations (nothing is dispatched), and the caller's number sealed so that it opens only
 * for {@link RouteConfig#callbackRetention()}. A withheld caller still gets a ticket (the missed call is
 * counted) without a number. Thread-safe; blocking (the store): runs on the AGI server's store threads, never on
 * an event loop.
 */
final class CallbackTickets {
    static final String CREATED_BY = "system";

    private final TicketStore tickets;
    private final NumberSealer sealer;
    private final Clock clock;
    private final RouteConfig config;
    private final TicketIds ids = new TicketIds(new SecureRandom());

    CallbackTickets(TicketStore tickets, NumberSealer sealer, Clock clock, RouteConfig config) {
        this.tickets = tickets;
        this.sealer = sealer;
        this.clock = clock;
        this.config = config;
    }

    /** Stores the ticket and returns its id. */
    String open(String callId, CallerIdentity caller, String language) {
        Instant now = clock.instant();
        String id = ids.next(now);
        Optional<String> sealed = caller.number()
                .map(number -> sealer.seal(number, now.plus(config.callbackRetention())));
        Person person = new Person(Optional.empty(), Optional.empty(), false, Optional.empty(), List.of(language),
                Optional.empty());
        TicketEvent created = new TicketEvent(now, CREATED_BY, "created", Optional.of(TicketStatus.OPEN),
                "missed call: every escalation step exhausted");
        Ticket ticket = new Ticket(id, TicketKind.CALLBACK, now, CREATED_BY, Optional.of(callId),
                AccessChannel.NUMERO_VERDE, Set.of(), person, Set.of(), Urgency.ORDINARY, Territory.UNKNOWN, false,
                "Missed call, language " + language + (sealed.isPresent() ? "" : ", number withheld"), List.of(),
                TicketStatus.OPEN, List.of(created), sealed);
        tickets.create(ticket, List.of());
        return id;
    }
}
