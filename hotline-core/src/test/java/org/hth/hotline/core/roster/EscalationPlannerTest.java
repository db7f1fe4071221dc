package org.hth.hotline.core.roster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hth.hotline.core.roster.EndpointKind.CONSOLE;
import static org.hth.hotline.core.roster.EndpointKind.MOBILE;
import static org.hth.hotline.core.roster.PresenceState.AVAILABLE;
import static org.hth.hotline.core.roster.PresenceState.AWAY;
import static org.hth.hotline.core.roster.PresenceState.ON_CALL;
import static org.hth.hotline.core.roster.PresenceState.WRAP_UP;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class EscalationPlannerTest {
    /** Anna primary, Luca secondary (the epoch's first turn). */
    private static final Instant AT = TestRosters.rome("2024-01-03T12:00");
    private static final String ROTATION = """
            rotations:
              - id: all
                members: [op-anna, op-luca, op-sara]
                handoff: { weekday: MONDAY, time: "09:00" }
            """;

    private static EscalationPlanner planner(String escalation) {
        return new EscalationPlanner(TestRosters.parse("timezone: Europe/Rome\n" + TestRosters.OPERATORS + ROTATION
                + escalation + "fallback:\n  - { voicemail: \"hotline@default\" }\n"));
    }

    private static final EscalationPlanner SKETCH_POLICY = new EscalationPlanner(TestRosters.withSchedule(ROTATION));

    private static List<List<String>> operatorsByStep(EscalationPlan plan) {
        return plan.steps().stream().map(PlannedStep::operatorIds).toList();
    }

    @Test
    void primaryAtTheConsoleIsRungOnlyThereWhenTheStepPrefersIt() {
        EscalationPlan plan = SKETCH_POLICY.plan(AT, Map.of("op-anna", AVAILABLE), Optional.empty());

        assertThat(plan.steps().get(0)).isEqualTo(new PlannedStep(1, 20,
                List.of(new RingTarget("op-anna", "PJSIP/op-anna", CONSOLE))));
    }

    @Test
    void primaryAwayFromTheConsoleIsRungOnEveryEndpointEvenWhenTheStepPrefersTheConsole() {
        EscalationPlan plan = SKETCH_POLICY.plan(AT, Map.of(), Optional.empty());

        assertThat(plan.steps().get(0).targets()).extracting(RingTarget::endpointKind)
                .containsExactly(CONSOLE, MOBILE);
    }

    @Test
    void stepWithoutPreferenceRingsEveryEndpointOfTheOperatorAtOnce() {
        PlannedStep secondary = SKETCH_POLICY.plan(AT, Map.of(), Optional.empty()).steps().get(1);

        assertThat(secondary.targets()).containsExactly(
                new RingTarget("op-luca", "PJSIP/op-luca", CONSOLE),
                new RingTarget("op-luca", "PJSIP/+393330000002@trunk", MOBILE));
        assertThat(secondary.targets()).extracting(RingTarget::mustAcceptByKeypress).containsExactly(false, true);
    }

    @Test
    void preferredKindAnOperatorLacksFallsBackToTheEndpointsTheyHave() {
        EscalationPlan plan = planner("escalation:\n  - { ring: \"operator:op-sara\", seconds: 30, prefer: console }\n")
                .plan(AT, Map.of(), Optional.empty());

        assertThat(plan.steps()).containsExactly(new PlannedStep(1, 30,
                List.of(new RingTarget("op-sara", "PJSIP/+393330000003@trunk", MOBILE))));
    }

    @Test
    void allAvailableRingsOnlyAvailableOperatorsNotRungBefore() {
        Map<String, PresenceState> presence = Map.of("op-anna", AVAILABLE, "op-marta", AVAILABLE,
                "op-ivan", AWAY, "op-sara", WRAP_UP);

        EscalationPlan plan = SKETCH_POLICY.plan(AT, presence, Optional.empty());

        assertThat(operatorsByStep(plan)).containsExactly(List.of("op-anna"), List.of("op-luca"), List.of("op-marta"));
    }

    @Test
    void onCallOperatorWithoutPresenceIsRungButOneAwayIsSkipped() {
        EscalationPlan plan = SKETCH_POLICY.plan(AT, Map.of("op-anna", AWAY), Optional.empty());

        assertThat(plan.steps()).extracting(PlannedStep::number).containsExactly(2);
        assertThat(operatorsByStep(plan)).containsExactly(List.of("op-luca"));
    }

    @Test
    void operatorOnACallOrInWrapUpIsSkippedForEveryTarget() {
        EscalationPlan plan = planner("""
                escalation:
                  - { ring: primary, seconds: 20 }
                  - { ring: "operator:op-ivan", seconds: 20 }
                  - { ring: all-available, seconds: 20 }
                """).plan(AT, Map.of("op-anna", ON_CALL, "op-ivan", WRAP_UP, "op-marta", AVAILABLE), Optional.empty());

        assertThat(plan.steps()).extracting(PlannedStep::number).containsExactly(3);
        assertThat(operatorsByStep(plan)).containsExactly(List.of("op-marta"));
    }

    @Test
    void operatorIsRungInOneStepOnlyAndEmptiedStepsAreDropped() {
        EscalationPlan plan = planner("""
                escalation:
                  - { ring: primary, seconds: 20 }
                  - { ring: "operator:op-anna", seconds: 20 }
                  - { ring: secondary, seconds: 15 }
                  - { ring: all-available, seconds: 25 }
                  - { ring: all-available, seconds: 25 }
                """).plan(AT, Map.of("op-anna", AVAILABLE, "op-luca", AVAILABLE, "op-ivan", AVAILABLE), Optional.empty());

        assertThat(plan.steps()).extracting(PlannedStep::number).containsExactly(1, 3, 4);
        assertThat(operatorsByStep(plan)).containsExactly(List.of("op-anna"), List.of("op-luca"), List.of("op-ivan"));
    }

    @Test
    void allAvailableRingsOnlySpeakersOfTheCallersLanguageWhenAnyIsAvailable() {
        Map<String, PresenceState> presence = Map.of("op-sara", AVAILABLE, "op-marta", AVAILABLE, "op-ivan", AVAILABLE);
        String policy = "escalation:\n  - { ring: all-available, seconds: 25, preferLanguage: true }\n"
                + "  - { ring: all-available, seconds: 25 }\n";

        EscalationPlan spanish = planner(policy).plan(AT, presence, Optional.of("es"));
        EscalationPlan german = planner(policy).plan(AT, presence, Optional.of("de"));
        EscalationPlan unknown = planner(policy).plan(AT, presence, Optional.empty());

        assertThat(operatorsByStep(spanish)).containsExactly(List.of("op-marta"), List.of("op-sara", "op-ivan"));
        assertThat(operatorsByStep(german)).containsExactly(List.of("op-sara", "op-marta", "op-ivan"));
        assertThat(operatorsByStep(unknown)).containsExactly(List.of("op-sara", "op-marta", "op-ivan"));
    }

    @Test
    void callersLanguageIsIgnoredWhenTheStepDoesNotPreferIt() {
        EscalationPlan plan = planner("escalation:\n  - { ring: all-available, seconds: 25 }\n")
                .plan(AT, Map.of("op-sara", AVAILABLE, "op-marta", AVAILABLE), Optional.of("es"));

        assertThat(operatorsByStep(plan)).containsExactly(List.of("op-sara", "op-marta"));
    }

    @Test
    void fallbackFollowsAndIsAllThatIsLeftWhenNobodyCanBeRung() {
        Map<String, PresenceState> everyoneBusy = Map.of("op-anna", ON_CALL, "op-luca", ON_CALL, "op-sara", AWAY,
                "op-marta", WRAP_UP, "op-ivan", AWAY);

        EscalationPlan plan = SKETCH_POLICY.plan(AT, everyoneBusy, Optional.of("it"));

        assertThat(plan.steps()).isEmpty();
        assertThat(plan.fallback()).containsExactly(new FallbackStep.Dial("PJSIP/national-fallback", 60),
                new FallbackStep.Voicemail("hotline@default"));
    }
}
