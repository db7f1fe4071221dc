package org.hth.hotline.core.testing;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.hth.hotline.core.call.CallCategory;
import org.hth.hotline.core.call.CallOutcome;
import org.hth.hotline.core.call.CallRecord;
import org.hth.hotline.core.call.RingAttempt;
import org.hth.hotline.core.call.RingResult;
import org.hth.hotline.core.outbox.OutboxEntry;
import org.hth.hotline.core.referral.AccessChannel;
import org.hth.hotline.core.referral.ExploitationType;
import org.hth.hotline.core.referral.Need;
import org.hth.hotline.core.referral.Person;
import org.hth.hotline.core.referral.Territory;
import org.hth.hotline.core.referral.Ticket;
import org.hth.hotline.core.referral.TicketEvent;
import org.hth.hotline.core.referral.TicketKind;
import org.hth.hotline.core.referral.TicketStatus;
import org.hth.hotline.core.referral.Urgency;

/** Made-up records for tests. No real personal data. */
public final class Fixtures {
    private Fixtures() {
    }

    /** An answered call with one failed and one answered ring attempt. */
    public static CallRecord answeredCall(String callId, Instant start, String operator, String language,
                                          Territory territory) {
        Instant answered = start.plusSeconds(25);
        return new CallRecord(callId, "800290290", Optional.of("ps-" + callId.hashCode()), false, start,
                Optional.of(answered), answered.plusSeconds(300), 25, 300, Optional.of(language),
                List.of(new RingAttempt("op-luca", "PJSIP/op-luca", start.plusSeconds(5), RingResult.NOANSWER, 10, 1),
                        new RingAttempt(operator, "PJSIP/op-" + operator, start.plusSeconds(15), RingResult.ANSWER,
                                10, 2)),
                Optional.of(operator), CallOutcome.ANSWERED, "Normal Clearing", "notes of " + callId,
                Optional.of(CallCategory.RELEVANT), Set.of("night"), Optional.of(territory), List.of());
    }

    /** A call whose caller hung up while it rang. */
    public static CallRecord abandonedCall(String callId, Instant start, String pseudonym) {
        return new CallRecord(callId, "800290290", Optional.of(pseudonym), false, start, Optional.empty(),
                start.plusSeconds(12), 12, 0, Optional.of("en"),
                List.of(new RingAttempt("op-anna", "PJSIP/op-anna", start.plusSeconds(4), RingResult.CANCEL, 8, 1)),
                Optional.empty(), CallOutcome.ABANDONED, "Normal Clearing", "", Optional.empty(), Set.of(),
                Optional.empty(), List.of());
    }

    /** An open referral of a minor in La Spezia, sent to the UOR and the ASL 5 street unit. */
    public static Ticket ticket(String id, Instant at) {
        Person person = new Person(Optional.of("F"), Optional.of("15-17"), true, Optional.of("NG"), List.of("en"),
                Optional.empty());
        return new Ticket(id, TicketKind.REFERRAL, at, "anna", Optional.of("call-" + id), AccessChannel.NUMERO_VERDE,
                Set.of(ExploitationType.LABOUR), person, Set.of(Need.EMERGENCY_SHELTER, Need.LEGAL), Urgency.URGENT,
                Territory.ASL5, true, "summary of " + id, List.of("uor", "uds-asl5"), TicketStatus.OPEN,
                List.of(new TicketEvent(at, "anna", "created", Optional.of(TicketStatus.OPEN), "")), Optional.empty());
    }

    public static OutboxEntry entry(String id, String ticketId, String destination, Instant at) {
        return OutboxEntry.pending(id, ticketId, destination, "referral.created",
                "{\"ticket\":\"" + ticketId + "\"}", at);
    }
}
