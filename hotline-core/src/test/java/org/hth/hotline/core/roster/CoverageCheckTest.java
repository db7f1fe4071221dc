package org.hth.hotline.core.roster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hth.hotline.core.roster.TestRosters.rome;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;

class CoverageCheckTest {
    /** Day from 09:00 instead of 08:00: nobody from 08:00 to 09:00. */
    private static final String MORNING_GAP = """
            rotations:
              - id: night
                members: [op-anna, op-luca, op-sara]
                handoff: { weekday: MONDAY, time: "09:00" }
                covers: { from: "20:00", to: "08:00" }
              - id: day
                members: [op-marta, op-ivan]
                handoff: { weekday: MONDAY, time: "09:00" }
                covers: { from: "09:00", to: "20:00" }
            """;

    private static final CoverageCheck SKETCH = new CoverageCheck(TestRosters.parse(TestRosters.DESIGN_SKETCH));

    @Test
    void designSketchLeavesNoMinuteUncoveredInAYear() {
        assertThat(SKETCH.gaps(rome("2026-01-01T00:00"), rome("2027-01-01T00:00"))).isEmpty();
    }

    @Test
    void uncoveredHourIsRefusedWithTheLocalHoursNamed() {
        CoverageCheck check = new CoverageCheck(TestRosters.withSchedule(MORNING_GAP));

        assertThatThrownBy(() -> check.requireCovered(rome("2026-03-02T00:00"), 2))
                .isInstanceOfSatisfying(RosterException.class, e -> assertThat(e.problems())
                        .containsExactly("uncovered: Mon 08:00-09:00, Tue 08:00-09:00 (Europe/Rome)"));
    }

    @Test
    void loadRefusesARosterWithAnUncoveredHourThatParseAccepts() {
        String yaml = "timezone: Europe/Rome\n" + TestRosters.OPERATORS + MORNING_GAP + TestRosters.POLICY;
        RosterParser parser = new RosterParser();

        assertThat(parser.parse(yaml).rotations()).hasSize(2);
        assertThatThrownBy(() -> parser.load(yaml, rome("2026-03-02T00:00")))
                .isInstanceOf(RosterException.class)
                .hasMessage("roster refused: uncovered: Mon 08:00-09:00, Tue 08:00-09:00, Wed 08:00-09:00, "
                        + "Thu 08:00-09:00, Fri 08:00-09:00, Sat 08:00-09:00, Sun 08:00-09:00 (Europe/Rome)");
        assertThat(parser.load(TestRosters.DESIGN_SKETCH, rome("2026-03-02T00:00")).rotations()).hasSize(2);
    }

    @Test
    void gapsAreExactToTheMinute() {
        CoverageCheck check = new CoverageCheck(TestRosters.withSchedule("""
                rotations:
                  - id: day
                    members: [op-marta]
                    handoff: { weekday: MONDAY, time: "09:00" }
                    covers: { from: "08:15", to: "23:50" }
                """));

        List<CoverageGap> gaps = check.gaps(rome("2026-05-04T00:00"), rome("2026-05-05T00:00"));

        assertThat(gaps).extracting(CoverageGap::label).containsExactly("Mon 00:00-08:15", "Mon 23:50-00:00");
    }

    @Test
    void overrideFillsAGapForItsPeriodOnly() {
        CoverageCheck check = new CoverageCheck(TestRosters.withSchedule(MORNING_GAP + """
                overrides:
                  - { operator: op-ivan, from: "2026-03-02T08:00", to: "2026-03-02T09:00" }
                """));

        assertThat(check.gaps(rome("2026-03-02T00:00"), rome("2026-03-04T00:00")))
                .containsExactly(new CoverageGap(rome("2026-03-03T08:00").atZone(TestRosters.ROME),
                        rome("2026-03-03T09:00").atZone(TestRosters.ROME)));
    }

    @Test
    void hourSkippedOnSpringForwardNightLeavesNoGapThatNight() {
        CoverageCheck check = new CoverageCheck(TestRosters.withSchedule("""
                rotations:
                  - id: all-but-two-to-three
                    members: [op-anna]
                    handoff: { weekday: MONDAY, time: "09:00" }
                    covers: { from: "03:00", to: "02:00" }
                """));

        assertThat(check.gaps(rome("2026-03-28T12:00"), rome("2026-03-29T12:00"))).isEmpty();
        assertThat(check.gaps(rome("2026-10-24T12:00"), rome("2026-10-25T12:00")))
                .as("02:00-03:00 happens twice: two real hours uncovered")
                .singleElement()
                .satisfies(gap -> assertThat(Duration.between(gap.from(), gap.to())).hasHours(2));
    }

    @Test
    void previewListsWhoIsOnCallHourByHour() {
        List<PreviewSlot> slots = SKETCH.preview(LocalDate.of(2026, 3, 4), 2);

        assertThat(slots).hasSize(48);
        assertThat(slots.get(0).start().toLocalDateTime()).isEqualTo("2026-03-04T00:00");
        assertThat(slots).allSatisfy(slot -> assertThat(slot.onCall().covered()).isTrue());
        assertThat(slots.get(8).onCall().primary().orElseThrow()).isIn("op-marta", "op-ivan");
        assertThat(slots.get(20).onCall().primary().orElseThrow()).isIn("op-anna", "op-luca", "op-sara");
    }

    @Test
    void previewOfSpringForwardDayHasTwentyThreeHoursAndNoTwoOClock() {
        List<PreviewSlot> slots = SKETCH.preview(LocalDate.of(2026, 3, 29), 1);

        assertThat(slots).hasSize(23);
        assertThat(slots).extracting(slot -> slot.start().toLocalTime()).doesNotContain(LocalTime.of(2, 0));
    }

    @Test
    void previewOfFallBackDayListsTwoOClockTwiceWithTheSameNightOperator() {
        List<PreviewSlot> slots = SKETCH.preview(LocalDate.of(2026, 10, 25), 1);

        assertThat(slots).hasSize(25);
        List<PreviewSlot> twoOClock = slots.stream().filter(slot -> slot.start().getHour() == 2).toList();
        assertThat(twoOClock).extracting(slot -> slot.start().getOffset())
                .containsExactly(ZoneOffset.ofHours(2), ZoneOffset.ofHours(1));
        assertThat(twoOClock.get(0).onCall()).isEqualTo(twoOClock.get(1).onCall()).isEqualTo(slots.get(0).onCall());
        assertThat(slots).extracting(PreviewSlot::start).doesNotHaveDuplicates();
    }
}
