package org.hth.hotline.core.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

class RetentionScheduleTest {
    private static final ZoneId ROME = ZoneId.of("Europe/Rome");

    @Test
    void runsAtTheLocalTimeInWinterAndInSummer() {
        RetentionSchedule schedule = new RetentionSchedule(LocalTime.of(3, 30), ROME);

        assertThat(schedule.nextAfter(Instant.parse("2026-01-10T12:00:00Z"))).isEqualTo("2026-01-11T02:30:00Z");
        assertThat(schedule.nextAfter(Instant.parse("2026-07-10T12:00:00Z"))).isEqualTo("2026-07-11T01:30:00Z");
    }

    @Test
    void theNightTheClocksGoForwardItStillRunsAtHalfPastThreeLocal() {
        RetentionSchedule schedule = new RetentionSchedule(LocalTime.of(3, 30), ROME);

        assertThat(schedule.nextAfter(Instant.parse("2026-03-28T12:00:00Z"))).isEqualTo("2026-03-29T01:30:00Z");
    }

    @Test
    void aTimeInTheSpringGapMovesForwardByTheGap() {
        RetentionSchedule schedule = new RetentionSchedule(LocalTime.of(2, 30), ROME);

        assertThat(schedule.nextAfter(Instant.parse("2026-03-28T12:00:00Z"))).isEqualTo("2026-03-29T01:30:00Z");
    }

    @Test
    void aTimeInTheAutumnOverlapRunsOnceThatDay() {
        RetentionSchedule schedule = new RetentionSchedule(LocalTime.of(2, 30), ROME);

        Instant first = schedule.nextAfter(Instant.parse("2026-10-24T12:00:00Z"));
        assertThat(first).isEqualTo("2026-10-25T00:30:00Z");
        assertThat(schedule.nextAfter(first)).isEqualTo("2026-10-26T01:30:00Z");
    }

    @Test
    void exactlyAtTheRunTimeTheNextIsTomorrow() {
        RetentionSchedule schedule = new RetentionSchedule(LocalTime.of(3, 30), ROME);

        assertThat(schedule.nextAfter(Instant.parse("2026-01-11T02:30:00Z"))).isEqualTo("2026-01-12T02:30:00Z");
    }
}
