package org.hth.hotline.core.telephony.ami;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.hth.hotline.core.call.CallOutcome;
import org.hth.hotline.core.call.CallRecord;
import org.hth.hotline.core.call.RingAttempt;
import org.hth.hotline.core.call.RingResult;
import org.hth.hotline.core.telephony.ChannelVariables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a finished {@link CallTimeline} into the one {@link CallRecord} of the call. The caller appears only by
 * the pseudonym the route script set in {@code HOTLINE_CALLER}; a value that looks like a phone number is refused.
 * Stateless, thread-safe.
 */
final class CallRecordAssembler {
    private static final Logger log = LoggerFactory.getLogger(CallRecordAssembler.class);
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(-[A-Za-z0-9]{2,8})?");
    /** A ticket id as the route script makes them (a ULID). */
    private static final Pattern TICKET_ID = Pattern.compile("[0-9A-HJKMNP-TV-Z]{26}");

    /** Why the tracker closed a call itself; empty when the call ended normally. */
    record Closing(CallOutcome outcome, String reason) {
    }

    CallRecord assemble(CallTimeline call, Instant endedAt, Optional<Closing> closing) {
        Instant start = call.firstSeenAt;
        Optional<Instant> answered = Optional.ofNullable(call.answeredAt)
                .or(() -> answeredRingWithoutBridge(call).map(ring -> ring.endedAt));
        Instant end = endedAt.isBefore(start) ? start : endedAt;
        long wait = seconds(start, answered.orElse(end));
        long talk = answered.map(at -> seconds(at, call.conversationEndedAt != null ? call.conversationEndedAt : end))
                .orElse(0L);
        Optional<String> answeredBy = variable(call, ChannelVariables.ANSWERED_BY)
                .or(() -> answeredRing(call).map(ring -> ring.operatorId).filter(id -> !id.isEmpty()));
        String caller = variable(call, ChannelVariables.CALLER).orElse("");
        boolean withheld = caller.equalsIgnoreCase(ChannelVariables.WITHHELD);
        Optional<String> pseudonym = withheld || caller.isEmpty() ? Optional.empty() : pseudonym(caller);
        CallOutcome outcome = closing.map(Closing::outcome).orElseGet(() -> outcome(call, answered.isPresent()));
        String cause = closing.map(Closing::reason)
                .orElseGet(() -> call.caller().map(channel -> channel.cause).orElse(""));
        return new CallRecord(call.callId, line(call), pseudonym, withheld, start, answered, end, wait, talk,
                language(call), attempts(call, end), answeredBy, outcome, cause, "", Optional.empty(), Set.of(),
                Optional.empty(), callbackTicket(call).stream().toList());
    }

    private static Optional<CallTimeline.Ring> answeredRing(CallTimeline call) {
        return Optional.ofNullable(call.answeredRing).or(() -> answeredRingWithoutBridge(call));
    }

    /** A leg whose {@code DialEnd} said ANSWER although no bridge was seen (events lost in a reconnection). */
    private static Optional<CallTimeline.Ring> answeredRingWithoutBridge(CallTimeline call) {
        if (call.answeredRing != null) {
            return Optional.empty();
        }
        return call.dials.stream().flatMap(dial -> dial.rings.stream())
                .filter(ring -> ring.result == RingResult.ANSWER && ring.endedAt != null).findFirst();
    }

    private static List<RingAttempt> attempts(CallTimeline call, Instant end) {
        List<RingAttempt> attempts = new ArrayList<>();
        for (CallTimeline.Dial dial : call.dials) {
            for (CallTimeline.Ring ring : dial.rings) {
                RingResult result = ring.result != null ? ring.result : RingResult.CANCEL;
                Instant stop = ring.endedAt != null ? ring.endedAt : end;
                attempts.add(new RingAttempt(ring.operatorId, ring.endpoint, ring.startedAt, result,
                        seconds(ring.startedAt, stop), ring.step));
            }
        }
        return attempts;
    }

    private CallOutcome outcome(CallTimeline call, boolean answered) {
        Optional<String> declared = variable(call, ChannelVariables.OUTCOME);
        if (declared.isPresent()) {
            try {
                return CallOutcome.valueOf(declared.get().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                log.warn("{} is not an outcome; deriving the outcome from the events", ChannelVariables.OUTCOME);
            }
        }
        if (answered) {
            return CallOutcome.ANSWERED;
        }
        return switch (call.agiStatus.toUpperCase(Locale.ROOT)) {
            case "FAILURE" -> CallOutcome.FALLBACK;
            case "SUCCESS" -> call.dialAfterScript ? CallOutcome.FALLBACK : CallOutcome.FAILED;
            default -> CallOutcome.ABANDONED;
        };
    }

    /** The callback ticket the route script opened for this call ({@code HOTLINE_CALLBACK_TICKET}), if any. */
    private static Optional<String> callbackTicket(CallTimeline call) {
        return variable(call, ChannelVariables.CALLBACK_TICKET).filter(id -> TICKET_ID.matcher(id).matches());
    }

    private static String line(CallTimeline call) {
        return variable(call, ChannelVariables.LINE).filter(line -> line.chars().allMatch(Character::isDigit))
                .orElse(call.lineFromExten);
    }

    private static Optional<String> language(CallTimeline call) {
        Optional<String> language = variable(call, ChannelVariables.LANGUAGE);
        if (language.isPresent() && !LANGUAGE.matcher(language.get()).matches()) {
            log.warn("{} is not a language code; the record has none", ChannelVariables.LANGUAGE);
            return Optional.empty();
        }
        return language;
    }

    private static Optional<String> pseudonym(String caller) {
        if (SafeText.looksLikeNumber(caller)) {
            log.warn("{} looks like a phone number, not a pseudonym; the record has no caller",
                    ChannelVariables.CALLER);
            return Optional.empty();
        }
        return Optional.of(caller);
    }

    private static Optional<String> variable(CallTimeline call, String name) {
        return Optional.ofNullable(call.variables.get(name)).filter(value -> !value.isEmpty());
    }

    static long seconds(Instant from, Instant to) {
        long millis = Duration.between(from, to).toMillis();
        return millis <= 0 ? 0 : (millis + 500) / 1000;
    }
}
