package org.hth.hotline.core.roster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hth.hotline.core.roster.TestRosters.DESIGN_SKETCH;
import static org.hth.hotline.core.roster.TestRosters.OPERATORS;
import static org.hth.hotline.core.roster.TestRosters.POLICY;

import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Optional;

import org.hth.hotline.core.HotlineException;
import org.junit.jupiter.api.Test;

class RosterParserTest {
    private static final String ROTATION = """
            rotations:
              - id: all
                members: [op-anna, op-luca]
                handoff: { weekday: MONDAY, time: "09:00" }
            """;

    private final RosterParser parser = new RosterParser();

    private static String roster(String timezone, String rotations, String policy) {
        return "timezone: " + timezone + "\n" + OPERATORS + rotations + policy;
    }

    private void assertRefused(String yaml, String... problems) {
        assertThatThrownBy(() -> parser.parse(yaml))
                .isInstanceOfSatisfying(RosterException.class, e -> assertThat(e.problems()).contains(problems));
    }

    @Test
    void readsTheDesignSketch() {
        Roster roster = parser.parse(DESIGN_SKETCH);

        assertThat(roster.zone()).isEqualTo(TestRosters.ROME);
        Operator anna = roster.operator("op-anna").orElseThrow();
        assertThat(anna.languages()).containsExactly("it", "en", "fr");
        assertThat(anna.endpoint(EndpointKind.CONSOLE)).contains("PJSIP/op-anna");
        assertThat(anna.endpoint(EndpointKind.MOBILE)).contains("PJSIP/+393330000001@trunk");
        assertThat(roster.operator("op-marta").orElseThrow().endpoint(EndpointKind.MOBILE)).isEmpty();
        Rotation night = roster.rotations().get(0);
        assertThat(night.members()).containsExactly("op-anna", "op-luca", "op-sara");
        assertThat(night.handoff()).isEqualTo(new Handoff(DayOfWeek.MONDAY, LocalTime.of(9, 0)));
        assertThat(night.covers()).contains(new DailyWindow(LocalTime.of(20, 0), LocalTime.of(8, 0)));
        assertThat(roster.overrides()).containsExactly(new OnCallOverride("op-luca",
                LocalDateTime.of(2026, 12, 24, 20, 0), LocalDateTime.of(2026, 12, 26, 8, 0), Optional.of("op-anna")));
        assertThat(roster.escalation()).containsExactly(
                new EscalationStep(new EscalationTarget.Primary(), 20, Optional.of(EndpointKind.CONSOLE), false),
                new EscalationStep(new EscalationTarget.Secondary(), 20, Optional.empty(), false),
                new EscalationStep(new EscalationTarget.AllAvailable(), 25, Optional.empty(), true));
        assertThat(roster.fallback()).containsExactly(
                new FallbackStep.Dial("PJSIP/national-fallback", 60), new FallbackStep.Voicemail("hotline@default"));
    }

    @Test
    void rotationWithoutCoversIsOnCallAllDayAndOperatorTargetIsRead() {
        Roster roster = parser.parse(roster("Europe/Rome", ROTATION, """
                escalation:
                  - { ring: "operator:op-ivan", seconds: 30, prefer: mobile }
                """));

        assertThat(roster.rotations().get(0).covers()).isEmpty();
        assertThat(roster.escalation().get(0).target()).isEqualTo(new EscalationTarget.OperatorTarget("op-ivan"));
        assertThat(roster.escalation().get(0).prefer()).contains(EndpointKind.MOBILE);
        assertThat(roster.fallback()).isEmpty();
    }

    @Test
    void unknownOperatorInARotationIsNamedByItsPlace() {
        String rotations = ROTATION + """
                  - id: second
                    members: [op-anna, op-luca, op-x]
                    handoff: { weekday: MONDAY, time: "09:00" }
                """;

        assertRefused(roster("Europe/Rome", rotations, POLICY), "rotations[1].members[2]: unknown operator \"op-x\"");
    }

    @Test
    void unknownOperatorsInOverridesAndStepsAreNamedByTheirPlace() {
        String schedule = ROTATION + """
                overrides:
                  - { operator: op-nobody, from: "2026-12-24T20:00", to: "2026-12-26T08:00", replaces: op-ghost }
                """;
        String policy = "escalation:\n  - { ring: \"operator:op-y\", seconds: 20 }\n";

        assertRefused(roster("Europe/Rome", schedule, policy),
                "overrides[0].operator: unknown operator \"op-nobody\"",
                "overrides[0].replaces: unknown operator \"op-ghost\"",
                "escalation[0].ring: unknown operator \"op-y\"");
    }

    @Test
    void duplicateIdsAreRefused() {
        String yaml = roster("Europe/Rome", ROTATION + """
                  - id: all
                    members: [op-sara, op-sara]
                    handoff: { weekday: MONDAY, time: "09:00" }
                """, POLICY).replace("id: op-luca", "id: op-anna");

        assertRefused(yaml, "operators[1].id: duplicate operator id \"op-anna\"",
                "rotations[1].id: duplicate rotation id \"all\"",
                "rotations[1].members[1]: operator \"op-sara\" is listed twice");
    }

    @Test
    void unknownTimeZoneIsRefused() {
        assertRefused(roster("Europe/Rom", ROTATION, POLICY), "timezone: unknown time zone \"Europe/Rom\"");
    }

    @Test
    void badTimesAreRefused() {
        String rotations = """
                rotations:
                  - id: a
                    members: [op-anna]
                    handoff: { weekday: MONDAY, time: "24:00" }
                    covers: { from: "9:00", to: "20:61" }
                  - id: b
                    members: [op-luca]
                    handoff: { weekday: FUNDAY, time: "09:00" }
                    covers: { from: "08:00", to: "08:00" }
                overrides:
                  - { operator: op-luca, from: "2026-12-26T08:00", to: "2026-12-24T20:00" }
                  - { operator: op-luca, from: "2026-02-30T08:00", to: "2026-12-24" }
                """;

        assertRefused(roster("Europe/Rome", rotations, POLICY),
                "rotations[0].handoff.time: bad time \"24:00\" (expected \"HH:mm\", 00:00 to 23:59)",
                "rotations[0].covers.from: bad time \"9:00\" (expected \"HH:mm\", 00:00 to 23:59)",
                "rotations[0].covers.to: bad time \"20:61\" (expected \"HH:mm\", 00:00 to 23:59)",
                "rotations[1].handoff.weekday: bad weekday \"FUNDAY\" (MONDAY … SUNDAY)",
                "rotations[1].covers: from and to are both 08:00; omit covers for 24 h",
                "overrides[0].to: \"2026-12-24T20:00\" is not after from \"2026-12-26T08:00\"",
                "overrides[1].from: bad date-time \"2026-02-30T08:00\" (expected \"yyyy-MM-ddTHH:mm\")",
                "overrides[1].to: bad date-time \"2026-12-24\" (expected \"yyyy-MM-ddTHH:mm\")");
    }

    @Test
    void ringSecondsOutsideOneToThreeHundredAreRefused() {
        String policy = """
                escalation:
                  - { ring: primary, seconds: 0 }
                  - { ring: secondary, seconds: 301 }
                  - { ring: all-available, seconds: 1 }
                  - { ring: "operator:op-ivan", seconds: 300 }
                  - { ring: "operator:op-sara", seconds: twenty }
                """;

        assertRefused(roster("Europe/Rome", ROTATION, policy),
                "escalation[0].seconds: ring seconds 0 not in 1..300",
                "escalation[1].seconds: ring seconds 301 not in 1..300",
                "escalation[4].seconds: must be a whole number of seconds");
        assertThatThrownBy(() -> parser.parse(roster("Europe/Rome", ROTATION, policy)))
                .isInstanceOfSatisfying(RosterException.class, e -> assertThat(e.problems()).hasSize(3));
    }

    @Test
    void emptyOrMissingEscalationIsRefused() {
        assertRefused(roster("Europe/Rome", ROTATION, "escalation: []\n"), "escalation: at least one step is needed");
        assertRefused(roster("Europe/Rome", ROTATION, ""), "escalation: missing");
    }

    @Test
    void operatorWithoutEndpointsIsRefused() {
        String yaml = roster("Europe/Rome", ROTATION, POLICY).replace("""
                    endpoints:
                      console: PJSIP/op-marta
                """, "");

        assertRefused(yaml, "operators[3].endpoints: an operator needs at least one endpoint (console or mobile)");
    }

    @Test
    void unknownKeysAndEndpointKindsAreRefusedRatherThanIgnored() {
        String yaml = roster("Europe/Rome", ROTATION, POLICY)
                .replace("languages: [ar]", "langs: [ar]")
                .replace("console: PJSIP/op-ivan", "desk: PJSIP/op-ivan");

        assertThatThrownBy(() -> parser.parse(yaml))
                .isInstanceOfSatisfying(RosterException.class, e -> assertThat(e.problems()).anySatisfy(
                        problem -> assertThat(problem).startsWith("operators[4]: unknown key \"langs\"")))
                .hasMessageContaining("operators[4].endpoints.desk: unknown endpoint kind (expected console or mobile)");
    }

    @Test
    void unknownTargetIsRefused() {
        assertRefused(roster("Europe/Rome", ROTATION, "escalation:\n  - { ring: everyone, seconds: 20 }\n"),
                "escalation[0].ring: unknown target \"everyone\" (expected primary, secondary, all-available or operator:ID)");
    }

    @Test
    void textThatIsNotYamlIsARosterException() {
        assertThatThrownBy(() -> parser.parse("timezone: [Europe/Rome\n"))
                .isInstanceOf(RosterException.class)
                .isInstanceOf(HotlineException.class)
                .hasMessageStartingWith("roster refused: not valid YAML");
        assertThatThrownBy(() -> parser.parse("- just\n- a list\n"))
                .isInstanceOfSatisfying(RosterException.class,
                        e -> assertThat(e.problems()).containsExactly("roster: must be a map"));
        assertThatThrownBy(() -> parser.parse(""))
                .isInstanceOfSatisfying(RosterException.class,
                        e -> assertThat(e.problems()).containsExactly("roster: the document is empty"));
    }
}
