package org.hth.hotline.ops.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.hth.hotline.ops.CommandEnvironment;
import org.hth.hotline.ops.HotlineCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchCommandIT {
    @TempDir
    Path dir;

    @Test
    void quickCalllogOnATinyLogPrintsItsRowsAndWritesThemAsJson() throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandEnvironment environment = new CommandEnvironment(Map.of(), new BufferedReader(new StringReader("")),
                new PrintWriter(out, true), new PrintWriter(err, true), Clock.systemUTC());
        Path json = dir.resolve("target").resolve("bench.json");

        int code = HotlineCommand.commandLine(environment).execute("bench", "--quick", "--only", "calllog",
                "--records", "2000", "--json", json.toString());

        assertThat(code).as(err.toString()).isZero();
        String table = out.toString();
        assertThat(table).startsWith("machine: ").contains("| scenario ");
        assertThat(table).contains("| calllog  | sqlite page newest p99")
                .contains("| calllog  | sqlite page filtered p99")
                .contains("| calllog  | sqlite page deep p99")
                .contains("| calllog  | sqlite year statistics")
                .contains("| calllog  | redis page p99 (newest, filtered, deep)")
                .doesNotContain("| route ");
        assertThat(err.toString()).contains("calllog: sqlite: run 3/3");

        JsonNode root = new ObjectMapper().readTree(json.toFile());
        List<String> figures = new ArrayList<>();
        root.get("rows").forEach(row -> figures.add(row.get("scenario").asText() + " " + row.get("figure").asText()));
        assertThat(figures).containsExactly("calllog sqlite load (CallStore.saveAll, 4 threads)",
                "calllog sqlite page newest p99", "calllog sqlite page filtered p99", "calllog sqlite page deep p99",
                "calllog sqlite year statistics", "calllog redis page p99 (newest, filtered, deep)",
                "calllog redis year statistics");
        assertThat(root.get("rows").get(1).get("value").get("runs").asInt()).isEqualTo(3);
        assertThat(root.get("rows").get(5).get("verdict").asText()).isEqualTo("NOT_AVAILABLE");
    }

    @Test
    void anUnknownScenarioIsAUsageError() {
        StringWriter err = new StringWriter();
        CommandEnvironment environment = new CommandEnvironment(Map.of(), new BufferedReader(new StringReader("")),
                new PrintWriter(new StringWriter(), true), new PrintWriter(err, true), Clock.systemUTC());

        int code = HotlineCommand.commandLine(environment).execute("bench", "--only", "nothing");

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("\"nothing\" is not a scenario");
    }
}
