package org.hth.hotline.core.referral;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A referral ticket (or a callback ticket for a missed call).
 *
 * @param id            sortable id (ULID)
 * @param kind          referral or callback
 * @param createdAt     when it was opened
 * @param createdBy     the user who opened it, or {@code system}
 * @param callId        the call it came from
 * @param accessChannel how the case reached the network
 * @param exploitation  the forms of exploitation involved
 * @param person        who it is about
 * @param needs         what the person needs
 * @param urgency       how soon
 * @param territory     where
 * @param consent       whether the person consented to the referral
 * @param summary       the operator's summary (never logged)
 * @param destinations  the destination ids it is sent to
 * @param status        where it is in its life cycle
 * @param history       every change, oldest first
 * @param sealedCallbackNumber for a callback ticket, the caller's number sealed with
 *                      {@link org.hth.hotline.core.privacy.NumberSealer} (it stops opening after a short
 *                      configured time); never the number in clear
 */
public record Ticket(
        String id,
        TicketKind kind,
        Instant createdAt,
        String createdBy,
        Optional<String> callId,
        AccessChannel accessChannel,
        Set<ExploitationType> exploitation,
        Person person,
        Set<Need> needs,
        Urgency urgency,
        Territory territory,
        boolean consent,
        String summary,
        List<String> destinations,
        TicketStatus status,
        List<TicketEvent> history,
        Optional<String> sealedCallbackNumber) {

    public Ticket {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(createdBy, "createdBy");
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(accessChannel, "accessChannel");
        Objects.requireNonNull(person, "person");
        Objects.requireNonNull(urgency, "urgency");
        Objects.requireNonNull(territory, "territory");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(sealedCallbackNumber, "sealedCallbackNumber");
        exploitation = Set.copyOf(exploitation);
        needs = Set.copyOf(needs);
        destinations = List.copyOf(destinations);
        history = List.copyOf(history);
    }

    /** This ticket with one more history line, moved to the event's status when it names one. */
    public Ticket with(TicketEvent event) {
        List<TicketEvent> longer = new ArrayList<>(history);
        longer.add(event);
        return new Ticket(id, kind, createdAt, createdBy, callId, accessChannel, exploitation, person, needs,
                urgency, territory, consent, summary, destinations, event.status().orElse(status), longer,
                sealedCallbackNumber);
    }
}
