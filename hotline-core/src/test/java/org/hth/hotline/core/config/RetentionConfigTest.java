package org.hth.hotline.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hth.hotline.core.config.ConfigFixture.env;
import static org.hth.hotline.core.config.ConfigFixture.load;
import static org.hth.hotline.core.config.ConfigFixture.problem;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code retention:} section: its defaults and one test per validation rule. */
class RetentionConfigTest {
    @TempDir
    Path dir;

    @Test
    void defaultsKeepAYearAndRunAtHalfPastThree() {
        RetentionConfig retention = load(dir, "", env()).retention();

        assertThat(retention.period()).isEqualTo(Duration.ofDays(365));
        assertThat(retention.runAt()).isEqualTo(LocalTime.of(3, 30));
    }

    @Test
    void fileAndEnvironmentSetBothKeys() {
        RetentionConfig retention = load(dir, "retention:\n  period: 90d\n  runAt: 01:15\n",
                env("HOTLINE_RETENTION_RUN_AT", "04:05")).retention();

        assertThat(retention.period()).isEqualTo(Duration.ofDays(90));
        assertThat(retention.runAt()).isEqualTo(LocalTime.of(4, 5));
    }

    @Test
    void unquotedTimeInYamlIsReadAsATime() {
        assertThat(load(dir, "retention:\n  runAt: 01:15\n", env()).retention().runAt()).isEqualTo(LocalTime.of(1, 15));
    }

    @Test
    void periodShorterThanThirtyDaysIsRefusedNamingTheKey() {
        ConfigProblem p = problem(dir, "retention:\n  period: 29d\n", env());

        assertThat(p.describe()).startsWith("retention.period: \"29d\" is shorter than 30 days; expected a period of"
                + " at least 30d");
    }

    @Test
    void periodThatIsNotADurationIsRefusedNamingTheKey() {
        ConfigProblem p = problem(dir, "", env("HOTLINE_RETENTION_PERIOD", "a year"));

        assertThat(p.key()).isEqualTo("retention.period");
        assertThat(p.problem()).contains("is not a duration");
        assertThat(p.source()).hasValue("env HOTLINE_RETENTION_PERIOD");
    }

    @Test
    void runAtThatIsNotATimeOfDayIsRefusedNamingTheKey() {
        ConfigProblem p = problem(dir, "retention:\n  runAt: \"25:00\"\n", env());

        assertThat(p.describe()).startsWith("retention.runAt: \"25:00\" is not a time of day; expected a local time"
                + " of day HH:MM (Europe/Rome)");
    }

    @Test
    void runAtWithADotIsRefusedNamingTheKey() {
        ConfigProblem p = problem(dir, "", env("HOTLINE_RETENTION_RUN_AT", "3.30"));

        assertThat(p.key()).isEqualTo("retention.runAt");
        assertThat(p.problem()).contains("is not a time of day");
    }
}
