package org.hth.hotline.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckConfigCommandTest {
    @TempDir
    Path dataDir;

    @Test
    void theSampleConfigurationChecksOk() {
        var run = TestEnvironments.captured(TestEnvironments.serverEnv(dataDir, 8080), "");

        assertThat(run.run("check-config", "--config", "../config/hotline.yaml")).isZero();
        assertThat(run.out().toString()).contains("configuration OK").contains("console: 127.0.0.1:8080");
    }

    @Test
    void aBadValueExitsNonZeroNamingTheKeyWithoutAStackTrace() {
        Map<String, String> env = new HashMap<>(TestEnvironments.serverEnv(dataDir, 8080));
        env.put("HOTLINE_CONSOLE_PORT", "eighty");
        var run = TestEnvironments.captured(env, "");

        assertThat(run.run("check-config")).isEqualTo(HotlineCommand.CONFIG_ERROR);
        assertThat(run.err().toString()).contains("console.port").contains("HOTLINE_CONSOLE_PORT")
                .doesNotContain("\tat ");
    }

    @Test
    void aMalformedFileExitsNonZeroNamingTheLine() throws Exception {
        Path file = dataDir.resolve("hotline.yaml");
        Files.writeString(file, "console:\n  port: [8080\n");
        var run = TestEnvironments.captured(TestEnvironments.serverEnv(dataDir, 8080), "");

        assertThat(run.run("check-config", "--config", file.toString())).isEqualTo(HotlineCommand.CONFIG_ERROR);
        assertThat(run.err().toString()).contains("line").doesNotContain("\tat ");
    }

    @Test
    void anUnknownKeyIsNamed() throws Exception {
        Path file = dataDir.resolve("hotline.yaml");
        Files.writeString(file, "consle:\n  port: 8080\n");
        var run = TestEnvironments.captured(TestEnvironments.serverEnv(dataDir, 8080), "");

        assertThat(run.run("check-config", "--config", file.toString())).isEqualTo(HotlineCommand.CONFIG_ERROR);
        assertThat(run.err().toString()).contains("consle");
    }
}
