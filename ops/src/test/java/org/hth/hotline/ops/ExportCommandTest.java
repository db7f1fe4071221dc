package org.hth.hotline.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import org.hth.hotline.core.config.ConfigLoader;
import org.hth.hotline.core.referral.Territory;
import org.hth.hotline.core.store.Store;
import org.hth.hotline.core.testing.Fixtures;
import org.hth.hotline.ops.serve.ServerAssembly;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportCommandTest {
    @TempDir
    Path dir;

    @Test
    void exportsTheCallsOfAPeriodToAFileWithAProgressBar() throws Exception {
        Map<String, String> env = TestEnvironments.serverEnv(dir, TestEnvironments.freePort());
        try (Store store = ServerAssembly.openStore(ConfigLoader.load(Optional.empty(), env), Clock.systemUTC())) {
            store.calls().save(Fixtures.answeredCall("in-1", Instant.parse("2025-05-01T10:00:00Z"), "op-anna", "en",
                    Territory.ASL5));
            store.calls().save(Fixtures.answeredCall("in-2", Instant.parse("2025-06-01T10:00:00Z"), "op-anna", "=cmd",
                    Territory.ASL5));
            store.calls().save(Fixtures.answeredCall("out", Instant.parse("2026-02-01T10:00:00Z"), "op-anna", "en",
                    Territory.ASL5));
        }
        Path out = dir.resolve("calls.csv");
        TestEnvironments.Captured run = TestEnvironments.captured(env, "");

        int code = run.run("export", "calls", "--from", "2025-01-01", "--to", "2026-01-01", "--output",
                out.toString());

        assertThat(code).isZero();
        assertThat(Files.readAllLines(out)).hasSize(3).anyMatch(l -> l.startsWith("in-2,")).noneMatch(l -> l.startsWith("out,"))
                .anyMatch(l -> l.contains(",'=cmd,"));
        assertThat(run.err().toString()).contains("100 %").contains("2 rows exported");
        assertThat(dir.resolve("calls.csv.part")).as("written beside, then moved into place").doesNotExist();
    }

    @Test
    void exportsAsJsonToStandardOutput() {
        Map<String, String> env = TestEnvironments.serverEnv(dir, TestEnvironments.freePort());
        try (Store store = ServerAssembly.openStore(ConfigLoader.load(Optional.empty(), env), Clock.systemUTC())) {
            store.calls().save(Fixtures.answeredCall("in-1", Instant.parse("2025-05-01T10:00:00Z"), "op-anna", "en",
                    Territory.ASL5));
        }
        TestEnvironments.Captured run = TestEnvironments.captured(env, "");

        assertThat(run.run("export", "calls", "--from", "2025-01-01", "--to", "2026-01-01", "--format", "json"))
                .isZero();

        io.vertx.core.json.JsonArray rows = new io.vertx.core.json.JsonArray(run.out().toString());
        assertThat(rows).hasSize(1);
        assertThat(rows.getJsonObject(0).getString("callId")).isEqualTo("in-1");
        assertThat(rows.getJsonObject(0).getString("language")).isEqualTo("en");
    }

    @Test
    void aPeriodOfTenYearsIsRefused() {
        TestEnvironments.Captured run = TestEnvironments.captured(TestEnvironments.serverEnv(dir, 1), "");
        assertThat(run.run("export", "sirit", "--from", "2016-01-01", "--to", "2026-01-01")).isEqualTo(2);
        assertThat(run.err().toString()).contains("366 days");
    }
}
