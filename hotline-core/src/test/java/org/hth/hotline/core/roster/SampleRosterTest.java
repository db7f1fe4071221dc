package org.hth.hotline.core.roster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hth.hotline.core.roster.TestRosters.rome;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** The shipped {@code config/roster.yaml} (read from the module directory, Maven's working directory). */
class SampleRosterTest {
    private static final Path SAMPLE = Path.of("../config/roster.yaml");

    private static String sample() throws IOException {
        return Files.readString(SAMPLE);
    }

    @Test
    void sampleLoadsWithTheFiveOperatorsOfTheDesign() throws IOException {
        Roster roster = new RosterParser().load(sample(), rome("2026-03-20T12:00"));

        assertThat(roster.operators()).extracting(Operator::name).containsExactly("Anna", "Luca", "Sara", "Marta", "Ivan");
        assertThat(roster.operators()).allSatisfy(operator -> assertThat(operator.endpoint(EndpointKind.MOBILE))
                .hasValueSatisfying(dial -> assertThat(dial).matches("PJSIP/\\+39333000000[1-5]@trunk")));
    }

    @Test
    void sampleLeavesNoMinuteUncoveredInTwoYears() throws IOException {
        CoverageCheck check = new CoverageCheck(new RosterParser().parse(sample()));

        assertThat(check.gaps(rome("2026-01-01T00:00"), rome("2028-01-01T00:00"))).isEmpty();
    }

    @Test
    void sampleSurvivesARoundTrip() throws IOException {
        Roster roster = new RosterParser().parse(sample());

        assertThat(new RosterParser().parse(new RosterWriter().write(roster))).isEqualTo(roster);
    }

    @Test
    void sampleRingsSomebodyOnAChristmasNightCall() throws IOException {
        EscalationPlanner planner = new EscalationPlanner(new RosterParser().parse(sample()));

        EscalationPlan plan = planner.plan(rome("2026-12-24T23:00"), Map.of(), Optional.of("sq"));

        assertThat(plan.steps().get(0).operatorIds()).containsExactly("op-luca");
        assertThat(plan.fallback()).hasSize(2);
    }
}
