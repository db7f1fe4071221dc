package org.hth.hotline.core.roster;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

/** Roster documents and instants shared by the roster tests. */
final class TestRosters {
    static final ZoneId ROME = ZoneId.of("Europe/Rome");

    static final String OPERATORS = """
            operators:
              - id: op-anna
                name: Anna
                languages: [it, en, fr]
                endpoints:
                  console: PJSIP/op-anna
                  mobile: PJSIP/+393330000001@trunk
              - id: op-luca
                name: Luca
                languages: [it, sq]
                endpoints:
                  console: PJSIP/op-luca
                  mobile: PJSIP/+393330000002@trunk
              - id: op-sara
                name: Sara
                languages: [en, pcm]
                endpoints:
                  mobile: PJSIP/+393330000003@trunk
              - id: op-marta
                name: Marta
                languages: [it, es]
                endpoints:
                  console: PJSIP/op-marta
              - id: op-ivan
                name: Ivan
                languages: [ar]
                endpoints:
                  console: PJSIP/op-ivan
                  mobile: PJSIP/+393330000005@trunk
            """;

    static final String POLICY = """
            escalation:
              - { ring: primary, seconds: 20, prefer: console }
              - { ring: secondary, seconds: 20 }
              - { ring: all-available, seconds: 25, preferLanguage: true }
            fallback:
              - { dial: "PJSIP/national-fallback", seconds: 60 }
              - { voicemail: "hotline@default" }
            """;

    /** DESIGN.md's sketch: night 20:00–08:00 (anna, luca, sara), day 08:00–20:00 (marta, ivan). */
    static final String DESIGN_SKETCH = "timezone: Europe/Rome\n" + OPERATORS + """
            rotations:
              - id: night
                members: [op-anna, op-luca, op-sara]
                handoff: { weekday: MONDAY, time: "09:00" }
                covers: { from: "20:00", to: "08:00" }
              - id: day
                members: [op-marta, op-ivan]
                handoff: { weekday: MONDAY, time: "09:00" }
                covers: { from: "08:00", to: "20:00" }
            overrides:
              - { operator: op-luca, from: "2026-12-24T20:00", to: "2026-12-26T08:00", replaces: op-anna }
            """ + POLICY;

    private TestRosters() {
    }

    static Roster parse(String yaml) {
        return new RosterParser().parse(yaml);
    }

    /** The sketch's operators and policy with these rotations (and overrides) instead. */
    static Roster withSchedule(String rotationsAndOverrides) {
        return parse("timezone: Europe/Rome\n" + OPERATORS + rotationsAndOverrides + POLICY);
    }

    /** The instant of a local date-time in Rome (the earlier one when it happens twice). */
    static Instant rome(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(ROME).toInstant();
    }
}
