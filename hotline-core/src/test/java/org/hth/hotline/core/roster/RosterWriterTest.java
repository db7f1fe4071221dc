package org.hth.hotline.core.roster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class RosterWriterTest {
    private final RosterParser parser = new RosterParser();
    private final RosterWriter writer = new RosterWriter();

    @Test
    void designSketchSurvivesARoundTrip() {
        Roster roster = parser.parse(TestRosters.DESIGN_SKETCH);

        String written = writer.write(roster);

        assertThat(parser.parse(written)).isEqualTo(roster);
        assertThat(writer.write(parser.parse(written))).isEqualTo(written);
    }

    @Test
    void optionalFieldsSurviveARoundTripWhetherPresentOrNot() {
        Roster roster = TestRosters.withSchedule("""
                rotations:
                  - id: all-day
                    members: [op-ivan]
                    handoff: { weekday: sunday, time: "02:30" }
                overrides:
                  - { operator: op-sara, from: "2026-03-29T01:00", to: "2026-03-29T04:00" }
                """);
        Roster withOperatorStep = new Roster(roster.zone(), roster.operators(), roster.rotations(), roster.overrides(),
                List.of(new EscalationStep(new EscalationTarget.OperatorTarget("op-sara"), 300,
                        Optional.of(EndpointKind.MOBILE), true)), List.of());

        assertThat(parser.parse(writer.write(roster))).isEqualTo(roster);
        assertThat(parser.parse(writer.write(withOperatorStep))).isEqualTo(withOperatorStep);
    }

    @Test
    void writesTimesQuotedAndEndpointsByKind() {
        String written = writer.write(parser.parse(TestRosters.DESIGN_SKETCH));

        assertThat(written).startsWith("timezone: \"Europe/Rome\"")
                .contains("time: \"09:00\"", "from: \"20:00\"", "from: \"2026-12-24T20:00\"",
                        "console: \"PJSIP/op-anna\"", "mobile: \"PJSIP/+393330000001@trunk\"",
                        "ring: \"all-available\"", "preferLanguage: true", "voicemail: \"hotline@default\"");
    }

    @Test
    void unquotedTimesAreReadAsWell() {
        String unquoted = TestRosters.DESIGN_SKETCH.replace("\"09:00\"", "09:00").replace("\"20:00\"", "20:00")
                .replace("\"2026-12-24T20:00\"", "2026-12-24T20:00");

        assertThat(parser.parse(unquoted)).isEqualTo(parser.parse(TestRosters.DESIGN_SKETCH));
    }
}
