package org.hth.hotline.core.roster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hth.hotline.core.roster.TestRosters.rome;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class OnCallScheduleTest {
    private static final OnCallSchedule SKETCH = new OnCallSchedule(TestRosters.parse(TestRosters.DESIGN_SKETCH));

    /** Night rotation 20:00–08:00 handing off on Sunday at 02:30, the hour the clocks change. */
    private static final OnCallSchedule NIGHT_HANDOFF_AT_HALF_PAST_TWO = new OnCallSchedule(TestRosters.withSchedule("""
            rotations:
              - id: night
                members: [op-anna, op-luca, op-sara]
                handoff: { weekday: SUNDAY, time: "02:30" }
                covers: { from: "20:00", to: "08:00" }
            """));

    private static OnCall onCall(String primary, String secondary) {
        return new OnCall(Optional.of(primary), Optional.ofNullable(secondary));
    }

    /** Every instant, minute by minute, at which the primary changes in [from, to). */
    private static List<Instant> primaryChanges(OnCallSchedule schedule, Instant from, Instant to) {
        List<Instant> changes = new ArrayList<>();
        Optional<String> previous = schedule.at(from).primary();
        for (Instant t = from; t.isBefore(to); t = t.plus(Duration.ofMinutes(1))) {
            Optional<String> primary = schedule.at(t).primary();
            if (!primary.equals(previous)) {
                changes.add(t);
            }
            previous = primary;
        }
        return changes;
    }

    @Test
    void turnsAreCountedFromTheEpochSoEveryNodeAgrees() {
        assertThat(SKETCH.at(rome("2024-01-01T09:00"))).isEqualTo(onCall("op-marta", "op-ivan"));
        assertThat(SKETCH.at(rome("2024-01-01T21:00"))).isEqualTo(onCall("op-anna", "op-luca"));
        assertThat(SKETCH.at(rome("2024-01-08T21:00"))).isEqualTo(onCall("op-luca", "op-sara"));
        assertThat(SKETCH.at(rome("2024-01-15T21:00"))).isEqualTo(onCall("op-sara", "op-anna"));
        assertThat(SKETCH.at(rome("2024-01-01T07:00"))).as("the turn before the epoch's")
                .isEqualTo(onCall("op-sara", "op-anna"));
    }

    @Test
    void rotationIsOnCallOnlyInsideItsWindow() {
        assertThat(SKETCH.at(rome("2026-03-04T07:59")).primary()).as("night until 08:00").isPresent()
                .isNotEqualTo(SKETCH.at(rome("2026-03-04T08:00")).primary());
        assertThat(SKETCH.at(rome("2026-03-04T08:00")).primary().orElseThrow()).isIn("op-marta", "op-ivan");
        assertThat(SKETCH.at(rome("2026-03-04T19:59")).primary().orElseThrow()).isIn("op-marta", "op-ivan");
        assertThat(SKETCH.at(rome("2026-03-04T20:00")).primary().orElseThrow()).isIn("op-anna", "op-luca", "op-sara");
    }

    @Test
    void turnPassesToTheNextMemberAtTheHandOff() {
        Instant before = rome("2026-03-09T08:59");
        Instant after = rome("2026-03-09T09:00");
        OnCall last = SKETCH.at(before);
        OnCall next = SKETCH.at(after);

        assertThat(last.secondary()).isEqualTo(next.primary());
        assertThat(next.secondary()).isEqualTo(last.primary());
    }

    @Test
    void oneMemberRotationHasNoSecondary() {
        OnCallSchedule schedule = new OnCallSchedule(TestRosters.withSchedule("""
                rotations:
                  - id: solo
                    members: [op-ivan]
                    handoff: { weekday: MONDAY, time: "09:00" }
                """));

        assertThat(schedule.at(rome("2026-05-01T12:00"))).isEqualTo(new OnCall(Optional.of("op-ivan"), Optional.empty()));
    }

    @Test
    void overrideWithReplacesPutsItsOperatorFirstAndTakesTheReplacedOffCall() {
        Roster roster = TestRosters.withSchedule("""
                rotations:
                  - id: night
                    members: [op-anna, op-luca, op-sara]
                    handoff: { weekday: MONDAY, time: "09:00" }
                overrides:
                  - { operator: op-luca, from: "2024-01-02T20:00", to: "2024-01-03T08:00", replaces: op-anna }
                """);
        OnCallSchedule schedule = new OnCallSchedule(roster);
        Instant night = rome("2024-01-02T23:00");
        assertThat(schedule.memberOnTurn(roster.rotations().get(0), night)).isEqualTo("op-anna");

        assertThat(schedule.at(night)).isEqualTo(onCall("op-luca", "op-sara"));
        assertThat(schedule.at(rome("2024-01-02T19:59"))).isEqualTo(onCall("op-anna", "op-luca"));
        assertThat(schedule.at(rome("2024-01-03T08:00"))).isEqualTo(onCall("op-anna", "op-luca"));
    }

    @Test
    void designSketchChristmasOverrideMakesLucaPrimary() {
        assertThat(SKETCH.at(rome("2026-12-24T23:00")).primary()).contains("op-luca");
        assertThat(SKETCH.at(rome("2026-12-25T14:00")).primary()).contains("op-luca");
        assertThat(SKETCH.at(rome("2026-12-26T08:00")).primary().orElseThrow()).isIn("op-marta", "op-ivan");
    }

    @Test
    void overrideWithoutReplacesPutsTheRotationsPrimarySecond() {
        OnCallSchedule schedule = new OnCallSchedule(TestRosters.withSchedule("""
                rotations:
                  - id: all
                    members: [op-anna, op-luca]
                    handoff: { weekday: MONDAY, time: "09:00" }
                overrides:
                  - { operator: op-ivan, from: "2024-01-02T10:00", to: "2024-01-02T11:00" }
                """));

        assertThat(schedule.at(rome("2024-01-02T10:30"))).isEqualTo(onCall("op-ivan", "op-anna"));
        assertThat(schedule.at(rome("2024-01-02T11:00"))).isEqualTo(onCall("op-anna", "op-luca"));
    }

    @Test
    void nightWindowCoversTheSpringForwardNightWholly() {
        Instant dusk = rome("2026-03-28T20:00");
        Instant dawn = rome("2026-03-29T08:00");
        assertThat(Duration.between(dusk, dawn)).as("the night is an hour short").isEqualTo(Duration.ofHours(11));

        for (Instant t = dusk; t.isBefore(dawn); t = t.plus(Duration.ofMinutes(1))) {
            assertThat(SKETCH.at(t).primary()).as("at %s", t).isEqualTo(SKETCH.at(dusk).primary());
        }
        assertThat(SKETCH.at(dawn).primary()).isNotEqualTo(SKETCH.at(dusk).primary());
        assertThat(SKETCH.at(dusk.minusSeconds(60)).primary()).isNotEqualTo(SKETCH.at(dusk).primary());
    }

    @Test
    void nightWindowCoversTheFallBackNightWhollyWithTheSameOperator() {
        Instant dusk = rome("2026-10-24T20:00");
        Instant dawn = rome("2026-10-25T08:00");
        assertThat(Duration.between(dusk, dawn)).as("the night is an hour long").isEqualTo(Duration.ofHours(13));

        for (Instant t = dusk; t.isBefore(dawn); t = t.plus(Duration.ofMinutes(1))) {
            assertThat(SKETCH.at(t).primary()).as("at %s", t).isEqualTo(SKETCH.at(dusk).primary());
        }
        assertThat(primaryChanges(SKETCH, dusk, dawn)).isEmpty();
    }

    @Test
    void handOffAtHalfPastTwoHappensOnceOnSpringForwardNight() {
        Instant dusk = rome("2026-03-28T20:00");
        Instant dawn = rome("2026-03-29T08:00");

        List<Instant> changes = primaryChanges(NIGHT_HANDOFF_AT_HALF_PAST_TWO, dusk, dawn);

        assertThat(changes).as("02:30 never happens: the turn passes when the clock jumps to 03:00")
                .containsExactly(Instant.parse("2026-03-29T01:00:00Z"));
        OnCall before = NIGHT_HANDOFF_AT_HALF_PAST_TWO.at(Instant.parse("2026-03-29T00:59:00Z"));
        OnCall after = NIGHT_HANDOFF_AT_HALF_PAST_TWO.at(Instant.parse("2026-03-29T01:00:00Z"));
        assertThat(after.primary()).isEqualTo(before.secondary());
    }

    @Test
    void handOffAtHalfPastTwoHappensOnceOnFallBackNight() {
        Instant dusk = rome("2026-10-24T20:00");
        Instant dawn = rome("2026-10-25T08:00");

        List<Instant> changes = primaryChanges(NIGHT_HANDOFF_AT_HALF_PAST_TWO, dusk, dawn);

        assertThat(changes).as("02:30 happens twice: the turn passes at the first")
                .containsExactly(Instant.parse("2026-10-25T00:30:00Z"));
    }

    @Test
    void handOffsAcrossAYearWithBothClockChangesAdvanceOnceAWeek() {
        Instant from = rome("2026-01-04T12:00");
        Instant to = rome("2027-01-03T12:00");
        OnCallSchedule allDay = new OnCallSchedule(TestRosters.withSchedule("""
                rotations:
                  - id: all
                    members: [op-anna, op-luca, op-sara, op-marta, op-ivan]
                    handoff: { weekday: SUNDAY, time: "02:30" }
                """));

        assertThat(primaryChanges(allDay, from, to)).hasSize(52);
    }
}
