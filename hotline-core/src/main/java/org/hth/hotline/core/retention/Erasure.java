package org.hth.hotline.core.retention;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.hth.hotline.core.call.CallRecord;
import org.hth.hotline.core.privacy.NumberSealer;
import org.hth.hotline.core.referral.Person;
import org.hth.hotline.core.referral.Ticket;

/**
 * What erasing a record means, shared by the store adapters: each method gives the record as it must be kept,
 * or empty when there is nothing (more) to erase. Stateless.
 */
public final class Erasure {
    private Erasure() {
    }

    /** The call without notes, tags and pseudonym, when it ended before {@code cutoff} and still holds any. */
    public static Optional<CallRecord> anonymised(CallRecord c, Instant cutoff) {
        if (!c.endedAt().isBefore(cutoff)
                || (c.notes().isEmpty() && c.tags().isEmpty() && c.callerPseudonym().isEmpty())) {
            return Optional.empty();
        }
        return Optional.of(new CallRecord(c.callId(), c.line(), Optional.empty(), c.callerWithheld(), c.startedAt(),
                c.answeredAt(), c.endedAt(), c.waitSeconds(), c.talkSeconds(), c.language(), c.attempts(),
                c.answeredBy(), c.outcome(), c.hangupCause(), "", c.category(), Set.of(), c.territory(),
                c.ticketIds()));
    }

    /** The ticket without summary and person's name, when created before {@code cutoff} and still holding any. */
    public static Optional<Ticket> anonymised(Ticket t, Instant cutoff) {
        if (!t.createdAt().isBefore(cutoff) || (t.summary().isEmpty() && t.person().name().isEmpty())) {
            return Optional.empty();
        }
        Person p = t.person();
        Person nameless = new Person(p.gender(), p.ageBand(), p.minor(), p.nationality(), p.languages(),
                Optional.empty());
        return Optional.of(withText(t, "", nameless, t.sealedCallbackNumber()));
    }

    /** The ticket without its sealed callback number, when the seal has expired at {@code now} or is unreadable. */
    public static Optional<Ticket> withoutExpiredNumber(Ticket t, Instant now) {
        if (t.sealedCallbackNumber().isEmpty()) {
            return Optional.empty();
        }
        boolean expired = NumberSealer.expiresAt(t.sealedCallbackNumber().get())
                .map(expiry -> !now.isBefore(expiry)).orElse(true);
        return expired ? Optional.of(withText(t, t.summary(), t.person(), Optional.empty())) : Optional.empty();
    }

    /** The ticket without its sealed callback number, if it had one. */
    public static Optional<Ticket> withoutNumber(Ticket t) {
        return t.sealedCallbackNumber().isEmpty() ? Optional.empty()
                : Optional.of(withText(t, t.summary(), t.person(), Optional.empty()));
    }

    private static Ticket withText(Ticket t, String summary, Person person, Optional<String> sealed) {
        return new Ticket(t.id(), t.kind(), t.createdAt(), t.createdBy(), t.callId(), t.accessChannel(),
                t.exploitation(), person, t.needs(), t.urgency(), t.territory(), t.consent(), summary,
                t.destinations(), t.status(), List.copyOf(t.history()), sealed);
    }
}
