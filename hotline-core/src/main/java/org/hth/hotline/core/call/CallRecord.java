package org.hth.hotline.core.call;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.hth.hotline.core.referral.Territory;

/**
 * One call to the line, as recorded when it ended. The caller's number never appears: only its
 * pseudonym (an HMAC of the normalised number), or none when the number was withheld.
 *
 * @param callId          Asterisk's linkedid
 * @param line            the number dialled, e.g. {@code 800290290}
 * @param callerPseudonym the caller's pseudonym; empty when withheld
 * @param callerWithheld  whether the caller withheld their number
 * @param startedAt       arrival on the line
 * @param answeredAt      when an operator accepted it
 * @param endedAt         hang-up
 * @param waitSeconds     arrival to answer, or to hang-up when never answered
 * @param talkSeconds     answer to hang-up
 * @param language        the language chosen (ISO 639-1 code)
 * @param attempts        every endpoint rung, in order
 * @param answeredBy      the roster id of the operator who took it
 * @param outcome         how it ended
 * @param hangupCause     Asterisk's hang-up cause text, e.g. {@code Normal Clearing}
 * @param notes           the operator's notes (never logged)
 * @param category        the operator's category for the reports
 * @param tags            free tags set by coordinators
 * @param territory       where the case is
 * @param ticketIds       referral tickets opened from this call
 */
public record CallRecord(
        String callId,
        String line,
        Optional<String> callerPseudonym,
        boolean callerWithheld,
        Instant startedAt,
        Optional<Instant> answeredAt,
        Instant endedAt,
        long waitSeconds,
        long talkSeconds,
        Optional<String> language,
        List<RingAttempt> attempts,
        Optional<String> answeredBy,
        CallOutcome outcome,
        String hangupCause,
        String notes,
        Optional<CallCategory> category,
        Set<String> tags,
        Optional<Territory> territory,
        List<String> ticketIds) {

    public CallRecord {
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(line, "line");
        Objects.requireNonNull(callerPseudonym, "callerPseudonym");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(answeredAt, "answeredAt");
        Objects.requireNonNull(endedAt, "endedAt");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(answeredBy, "answeredBy");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(hangupCause, "hangupCause");
        Objects.requireNonNull(notes, "notes");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(territory, "territory");
        attempts = List.copyOf(attempts);
        tags = Set.copyOf(tags);
        ticketIds = List.copyOf(ticketIds);
    }
}
