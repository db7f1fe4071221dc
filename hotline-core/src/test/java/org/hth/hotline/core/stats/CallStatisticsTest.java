package org.hth.hotline.core.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

import org.hth.hotline.core.call.CallOutcome;
import org.hth.hotline.core.call.CallRecord;
import org.hth.hotline.core.outbox.OutboxEntry;
import org.hth.hotline.core.outbox.OutboxState;
import org.hth.hotline.core.referral.AccessChannel;
import org.hth.hotline.core.referral.Territory;
import org.hth.hotline.core.referral.Ticket;
import org.hth.hotline.core.testing.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every figure of the report against a fixture of seven calls in three days (Mon 2 – Wed 4 March 2026, Rome,
 * UTC+1) plus two just outside, counted by hand in the comments.
 */
class CallStatisticsTest {
    private static final ZoneId ROME = ZoneId.of("Europe/Rome");
    private static final StatsPeriod PERIOD = new StatsPeriod(at(2026, 3, 2, 0, 0), at(2026, 3, 5, 0, 0));

    private StatsReport report;

    @BeforeEach
    void compute() {
        CallStatistics stats = new CallStatistics(PERIOD, ROME);
        stats.add(call("c8", at(2026, 3, 1, 23, 30), CallOutcome.ANSWERED, 10, 60, "it", "op-anna", Territory.ASL3));
        stats.add(call("c1", at(2026, 3, 2, 9, 15), CallOutcome.ANSWERED, 10, 300, "it", "op-anna", Territory.ASL3));
        stats.add(call("c2", at(2026, 3, 2, 9, 40), CallOutcome.ANSWERED, 20, 100, "en", "op-anna", Territory.ASL3));
        stats.add(call("c3", at(2026, 3, 2, 22, 5), CallOutcome.ANSWERED, 40, 600, "fr", "op-luca", Territory.ASL5));
        stats.add(call("c4", at(2026, 3, 3, 2, 30), CallOutcome.ABANDONED, 5, 0, "en", null, null));
        stats.add(call("c5", at(2026, 3, 3, 14, 0), CallOutcome.ABANDONED, 35, 0, "ar", null, null));
        stats.add(call("c6", at(2026, 3, 4, 9, 5), CallOutcome.ANSWERED, 30, 200, "en", "op-luca", Territory.ASL1));
        stats.add(call("c7", at(2026, 3, 4, 23, 59), CallOutcome.FALLBACK, 65, 0, null, null, null));
        stats.add(call("c9", at(2026, 3, 5, 0, 0), CallOutcome.ABANDONED, 3, 0, "en", null, null));
        stats.add(ticket("t0", at(2026, 3, 1, 12, 0), AccessChannel.HOSPITAL),
                List.of(entry("e0", "t0", "uor", OutboxState.DELIVERED)));
        stats.add(ticket("t1", at(2026, 3, 2, 10, 0), AccessChannel.NUMERO_VERDE),
                List.of(entry("e1", "t1", "uor", OutboxState.DELIVERED),
                        entry("e2", "t1", "uds-asl3-4", OutboxState.DEAD)));
        stats.add(ticket("t2", at(2026, 3, 4, 10, 0), AccessChannel.LAWYER),
                List.of(entry("e3", "t2", "uor", OutboxState.PENDING)));
        report = stats.report();
    }

    @Test
    void countsOnlyCallsThatStartedInThePeriod() {
        // c1..c7: c8 started the evening before, c9 exactly at the end (excluded).
        assertThat(report.calls()).isEqualTo(7);
    }

    @Test
    void answerRateIsAnsweredOverAllCalls() {
        // c1, c2, c3, c6 answered: 4 of 7.
        assertThat(report.answered()).isEqualTo(4);
        assertThat(report.answerRate()).isEqualTo(4.0 / 7.0);
    }

    @Test
    void timeToAnswerIsTheNearestRankMedianAndNinetiethPercentile() {
        // waits 10, 20, 30, 40: median rank ceil(2) = 20; p90 rank ceil(3.6) = 4 -> 40.
        assertThat(report.medianTimeToAnswer()).isEqualTo(OptionalLong.of(20));
        assertThat(report.p90TimeToAnswer()).isEqualTo(OptionalLong.of(40));
    }

    @Test
    void abandonedCallsAndTheirWaits() {
        // c4 waited 5 s, c5 35 s; the fallback c7 is not abandoned.
        assertThat(report.abandoned()).isEqualTo(2);
        assertThat(report.abandonedMedianWait()).isEqualTo(OptionalLong.of(5));
        assertThat(report.abandonedMaxWait()).isEqualTo(OptionalLong.of(35));
        assertThat(report.abandonedWaits()).containsExactly(Map.entry("0-9s", 1L), Map.entry("10-29s", 0L),
                Map.entry("30-59s", 1L), Map.entry("60s+", 0L));
    }

    @Test
    void callsPerLocalDayIncludeEveryDayOfThePeriod() {
        assertThat(report.perDay()).containsExactly(Map.entry(LocalDate.of(2026, 3, 2), 3L),
                Map.entry(LocalDate.of(2026, 3, 3), 2L), Map.entry(LocalDate.of(2026, 3, 4), 2L));
    }

    @Test
    void heatMapCountsByLocalWeekdayAndHour() {
        long[][] expected = new long[7][24];
        expected[0][9] = 2;  // Mon 09:15, 09:40
        expected[0][22] = 1; // Mon 22:05
        expected[1][2] = 1;  // Tue 02:30
        expected[1][14] = 1; // Tue 14:00
        expected[2][9] = 1;  // Wed 09:05
        expected[2][23] = 1; // Wed 23:59
        for (int day = 0; day < 7; day++) {
            for (int hour = 0; hour < 24; hour++) {
                assertThat(report.perWeekHour().get(day).get(hour)).as("day %d hour %d", day, hour)
                        .isEqualTo(expected[day][hour]);
            }
        }
    }

    @Test
    void breakdownsByOutcomeLanguageAndTerritory() {
        assertThat(report.byOutcome()).containsExactly(Map.entry("ANSWERED", 4L), Map.entry("ABANDONED", 2L),
                Map.entry("FALLBACK", 1L), Map.entry("VOICEMAIL", 0L), Map.entry("FAILED", 0L));
        assertThat(report.byLanguage()).containsExactly(Map.entry("ar", 1L), Map.entry("en", 3L),
                Map.entry("fr", 1L), Map.entry("it", 1L), Map.entry("unknown", 1L));
        assertThat(report.byTerritory()).containsExactly(Map.entry("ASL1", 1L), Map.entry("ASL3", 2L),
                Map.entry("ASL5", 1L), Map.entry("unknown", 3L));
    }

    @Test
    void operatorsAnsweredCallsAndTalkTime() {
        // anna: c1 300 + c2 100; luca: c3 600 + c6 200 (c8 is outside the period).
        assertThat(report.operators()).containsExactly(Map.entry("op-anna", new OperatorFigures(2, 400)),
                Map.entry("op-luca", new OperatorFigures(2, 800)));
    }

    @Test
    void ticketsByAccessChannelAndDeliveriesByDestinationAndResult() {
        // t0 is before the period.
        assertThat(report.tickets()).isEqualTo(2);
        assertThat(report.byAccessChannel()).containsExactly(Map.entry("LAWYER", 1L), Map.entry("NUMERO_VERDE", 1L));
        assertThat(report.deliveries()).containsExactly(
                Map.entry("uds-asl3-4", Map.of("DEAD", 1L)),
                Map.entry("uor", Map.of("DELIVERED", 1L, "PENDING", 1L)));
    }

    @Test
    void anEmptyPeriodHasZerosAndNoPercentiles() {
        StatsReport empty = new CallStatistics(PERIOD, ROME).report();
        assertThat(empty.calls()).isZero();
        assertThat(empty.answerRate()).isZero();
        assertThat(empty.medianTimeToAnswer()).isEmpty();
        assertThat(empty.abandonedMaxWait()).isEmpty();
        assertThat(empty.perDay()).hasSize(3).allSatisfy((day, n) -> assertThat(n).isZero());
    }

    @Test
    void aPeriodOfTenYearsIsRefused() {
        assertThatThrownBy(() -> new StatsPeriod(at(2016, 1, 1, 0, 0), at(2026, 1, 1, 0, 0)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("366 days");
        assertThatThrownBy(() -> new StatsPeriod(PERIOD.to(), PERIOD.from()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    static Instant at(int y, int m, int d, int h, int min) {
        return LocalDateTime.of(y, m, d, h, min).atZone(ROME).toInstant();
    }

    static CallRecord call(String id, Instant start, CallOutcome outcome, long wait, long talk, String language,
                           String operator, Territory territory) {
        boolean answered = outcome == CallOutcome.ANSWERED;
        Instant answeredAt = start.plusSeconds(wait);
        return new CallRecord(id, "800290290", Optional.of("ps-" + id), false, start,
                answered ? Optional.of(answeredAt) : Optional.empty(), start.plusSeconds(wait + talk), wait, talk,
                Optional.ofNullable(language), List.of(), Optional.ofNullable(operator), outcome, "Normal Clearing", "",
                Optional.empty(), Set.of(), Optional.ofNullable(territory), List.of());
    }

    static Ticket ticket(String id, Instant at, AccessChannel channel) {
        Ticket t = Fixtures.ticket(id, at);
        return new Ticket(t.id(), t.kind(), t.createdAt(), t.createdBy(), t.callId(), channel, t.exploitation(),
                t.person(), t.needs(), t.urgency(), t.territory(), t.consent(), t.summary(), t.destinations(),
                t.status(), t.history(), t.sealedCallbackNumber());
    }

    static OutboxEntry entry(String id, String ticketId, String destination, OutboxState state) {
        OutboxEntry e = Fixtures.entry(id, ticketId, destination, PERIOD.from());
        return new OutboxEntry(e.id(), e.ticketId(), e.destinationId(), e.eventType(), e.payload(), e.createdAt(),
                e.nextAttemptAt(), e.attempts(), state, new ArrayList<String>().stream().findFirst());
    }
}
