package org.hth.hotline.core.referral;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.hth.hotline.core.destination.Destinations;
import org.hth.hotline.core.live.LiveEvent;
import org.hth.hotline.core.live.LiveEvents;
import org.hth.hotline.core.outbox.OutboxEntry;
import org.hth.hotline.core.referral.rules.ReferralFacts;
import org.hth.hotline.core.referral.rules.ReferralRules;
import org.hth.hotline.core.referral.rules.RoutingDecision;
import org.hth.hotline.core.store.TicketStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens referral tickets: validates the draft, evaluates the referral rules, writes the ticket and one
 * outbox entry per chosen destination in one store call, with the reason for every destination (or for
 * sending nothing) in the ticket's history, and publishes {@code ticket.created}. Blocking (the store):
 * call from a worker thread. Thread-safe.
 */
public final class TicketService {
    /** The outbox event type of a new referral. */
    public static final String CREATED = "referral.created";
    private static final Logger log = LoggerFactory.getLogger(TicketService.class);

    private final TicketStore store;
    private final Destinations destinations;
    private final ReferralRules rules;
    private final UlidGenerator ids;
    private final Clock clock;
    private final LiveEvents live;
    private final TicketValidator validator = new TicketValidator();
    private final ReferralPayload payloads = new ReferralPayload();

    public TicketService(TicketStore store, Destinations destinations, ReferralRules rules, UlidGenerator ids,
                         Clock clock, LiveEvents live) {
        this.store = store;
        this.destinations = destinations;
        this.rules = rules;
        this.ids = ids;
        this.clock = clock;
        this.live = live;
    }

    /**
     * Opens a referral.
     *
     * @param openedBy the operator's user name
     * @throws TicketValidationException naming every field at fault; nothing is written
     */
    public Ticket open(TicketDraft draft, String openedBy) {
        validator.check(draft);
        Instant now = clock.instant();
        String id = ids.next();
        RoutingDecision decision = rules.evaluate(ReferralFacts.of(draft));
        List<TicketEvent> history = new ArrayList<>();
        history.add(new TicketEvent(now, openedBy, "created", Optional.of(TicketStatus.OPEN), ""));
        decision.held().ifPresent(reason -> history.add(new TicketEvent(now, "system", "held", Optional.empty(), reason)));
        decision.skipped().forEach(s -> history.add(new TicketEvent(now, "system", "skipped", Optional.empty(), s)));
        for (RoutingDecision.Route route : decision.routes()) {
            String flags = route.flags().isEmpty() ? "" : "; flags " + String.join(", ", route.flags().stream().sorted().toList());
            history.add(new TicketEvent(now, "system", "routed", Optional.empty(),
                    route.destinationId() + " by rule " + String.join(", ", route.rules()) + flags));
        }
        if (decision.held().isEmpty() && decision.routes().isEmpty()) {
            history.add(new TicketEvent(now, "system", "unrouted", Optional.empty(),
                    "no rule chose an enabled destination: the coordinator must refer it by hand"));
        }
        List<String> chosen = decision.routes().stream().map(RoutingDecision.Route::destinationId).toList();
        Ticket ticket = Tickets.fromDraft(id, TicketKind.REFERRAL, now, openedBy, draft, chosen, history);
        List<OutboxEntry> outbox = new ArrayList<>();
        for (RoutingDecision.Route route : decision.routes()) {
            String payload = payloads.of(ticket, destinations.find(route.destinationId()).orElseThrow(), route.flags());
            outbox.add(OutboxEntry.pending(ids.next(), id, route.destinationId(), CREATED, payload, now));
        }
        store.create(ticket, outbox);
        log.info("ticket {} opened, sent to {}", id, chosen.isEmpty() ? "nobody" : chosen);
        live.publish(new LiveEvent("ticket.created", now, Map.of("ticket", id, "destinations", chosen,
                "urgency", ticket.urgency().name(), "territory", ticket.territory().name(),
                "held", decision.held().isPresent())));
        return ticket;
    }
}
