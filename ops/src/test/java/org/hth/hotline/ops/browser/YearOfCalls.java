package org.hth.hotline.ops.browser;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

import org.hth.hotline.core.call.CallCategory;
import org.hth.hotline.core.call.CallOutcome;
import org.hth.hotline.core.call.CallRecord;
import org.hth.hotline.core.call.RingAttempt;
import org.hth.hotline.core.call.RingResult;
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

/**
 * A made-up, reproducible year of calls (2025, Europe/Rome) for browser tests: more calls in the evening and at
 * night than at dawn, more on weekends, languages weighted as on the line (Italian, English, Pidgin, Romanian,
 * Arabic, French, Albanian, Chinese), outcomes mostly answered, some abandoned after a short wait, a few fallbacks;
 * one answered call in ten opens a referral to the UOR. No real data. Immutable once built.
 */
final class YearOfCalls {
    static final ZoneId ROME = ZoneId.of("Europe/Rome");
    static final LocalDate FIRST = LocalDate.of(2025, 1, 1);
    static final LocalDate END = LocalDate.of(2026, 1, 1);
    static final List<String> OPERATORS = List.of("op-anna", "op-luca", "op-sara", "op-marta", "op-ivan");
    private static final String[] LANGUAGES = {"it", "it", "it", "en", "en", "pcm", "ro", "ar", "fr", "sq", "zh"};
    /** Relative weight of each local hour: quiet at dawn, busy in the evening. */
    private static final int[] HOUR_WEIGHT = {4, 3, 2, 1, 1, 1, 2, 3, 5, 6, 6, 6, 5, 5, 6, 6, 6, 7, 8, 9, 9, 8, 7, 5};

    final List<CallRecord> calls = new ArrayList<>();
    final List<Ticket> tickets = new ArrayList<>();

    YearOfCalls(long seed) {
        Random random = new Random(seed);
        int hourTotal = java.util.Arrays.stream(HOUR_WEIGHT).sum();
        int n = 0;
        for (LocalDate day = FIRST; day.isBefore(END); day = day.plusDays(1)) {
            int perDay = 5 + random.nextInt(6) + (day.getDayOfWeek().getValue() >= 6 ? 3 : 0);
            for (int i = 0; i < perDay; i++) {
                int pick = random.nextInt(hourTotal);
                int hour = 0;
                while (pick >= HOUR_WEIGHT[hour]) {
                    pick -= HOUR_WEIGHT[hour++];
                }
                Instant start = day.atTime(hour, random.nextInt(60), random.nextInt(60)).atZone(ROME).toInstant();
                calls.add(call(String.format("call-%05d", n++), start, random));
            }
        }
    }

    private CallRecord call(String id, Instant start, Random random) {
        int roll = random.nextInt(100);
        CallOutcome outcome = roll < 78 ? CallOutcome.ANSWERED : roll < 92 ? CallOutcome.ABANDONED
                : roll < 98 ? CallOutcome.FALLBACK : CallOutcome.VOICEMAIL;
        String language = LANGUAGES[random.nextInt(LANGUAGES.length)];
        String operator = OPERATORS.get(random.nextInt(OPERATORS.size()));
        Territory territory = Territory.values()[random.nextInt(5)];
        long wait = outcome == CallOutcome.ANSWERED ? 3 + random.nextInt(40) : 5 + random.nextInt(70);
        long talk = outcome == CallOutcome.ANSWERED ? 30 + random.nextInt(900) : 0;
        List<RingAttempt> attempts = new ArrayList<>();
        Instant ring = start.plusSeconds(2);
        if (wait > 20) {
            String other = OPERATORS.get((OPERATORS.indexOf(operator) + 1) % OPERATORS.size());
            attempts.add(new RingAttempt(other, "PJSIP/" + other, ring, RingResult.NOANSWER, 18, 1));
            ring = ring.plusSeconds(18);
        }
        long rang = Math.max(1, wait - Duration.between(start, ring).toSeconds());
        RingResult result = switch (outcome) {
            case ANSWERED -> RingResult.ANSWER;
            case ABANDONED -> RingResult.CANCEL;
            default -> RingResult.NOANSWER;
        };
        attempts.add(new RingAttempt(operator, "PJSIP/" + operator, ring, result, rang, attempts.size() + 1));
        boolean answered = outcome == CallOutcome.ANSWERED;
        List<String> ticketIds = new ArrayList<>();
        if (answered && random.nextInt(10) == 0) {
            Ticket ticket = ticket(String.format("01TK%08d", tickets.size()), id, start.plusSeconds(wait + talk),
                    territory, random);
            tickets.add(ticket);
            ticketIds.add(ticket.id());
        }
        return new CallRecord(id, "800290290", Optional.of("ps-" + Integer.toHexString(random.nextInt(400))), false,
                start, answered ? Optional.of(start.plusSeconds(wait)) : Optional.empty(),
                start.plusSeconds(wait + talk), wait, talk, Optional.of(language), attempts,
                answered ? Optional.of(operator) : Optional.empty(), outcome,
                answered ? "Normal Clearing" : "Originator cancel", answered ? "Note di prova " + id : "",
                answered ? Optional.of(CallCategory.RELEVANT) : Optional.empty(), Set.of(),
                answered ? Optional.of(territory) : Optional.empty(), ticketIds);
    }

    private static Ticket ticket(String id, String callId, Instant at, Territory territory, Random random) {
        Person person = new Person(Optional.of(random.nextBoolean() ? "F" : "M"), Optional.of("18-25"),
                false, Optional.of("NG"), List.of("en"), Optional.empty());
        return new Ticket(id, TicketKind.REFERRAL, at, "anna", Optional.of(callId), AccessChannel.NUMERO_VERDE,
                Set.of(ExploitationType.values()[random.nextInt(ExploitationType.values().length)]), person,
                Set.of(Need.LEGAL), Urgency.ORDINARY, territory, true, "Riassunto di prova", List.of("uor"),
                TicketStatus.DISPATCHED, List.of(new TicketEvent(at, "anna", "created", Optional.of(TicketStatus.OPEN),
                        "")), Optional.empty());
    }

    /** The year's first and last instant (exclusive), local midnights in Rome. */
    static Instant from() {
        return FIRST.atStartOfDay(ROME).toInstant();
    }

    static Instant to() {
        return END.atStartOfDay(ROME).toInstant();
    }
}
