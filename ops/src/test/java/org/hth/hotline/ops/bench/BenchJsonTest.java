package org.hth.hotline.ops.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchJsonTest {
    private static final Instant AT = Instant.parse("2026-11-21T23:00:00Z");

    @TempDir
    Path dir;

    @Test
    void writesTheMachineAndOneObjectPerRow() throws Exception {
        Path file = dir.resolve("target").resolve("bench.json");
        new BenchJson().write(file, AT, Rows.MACHINE, true, Rows.sample());

        JsonNode root = new ObjectMapper().readTree(file.toFile());
        assertThat(root.get("at").asText()).isEqualTo("2026-11-21T23:00:00Z");
        assertThat(root.get("quick").asBoolean()).isTrue();
        assertThat(root.get("machine").get("cores").asInt()).isEqualTo(2);
        assertThat(root.get("rows")).hasSize(3);

        JsonNode route = root.get("rows").get(0);
        assertThat(route.get("scenario").asText()).isEqualTo("route");
        assertThat(route.get("value").get("median").asDouble()).isEqualTo(3.0);
        assertThat(route.get("value").get("min").asDouble()).isEqualTo(2.0);
        assertThat(route.get("value").get("runs").asInt()).isEqualTo(3);
        assertThat(route.get("baseline").get("median").asDouble()).isEqualTo(1.5);
        assertThat(route.get("ratio").asDouble()).isEqualTo(2.0);
        assertThat(route.get("verdict").asText()).isEqualTo("MISSED");
    }

    @Test
    void aFigureNotMeasuredHasNullValuesAndItsReason() {
        JsonNode dispatch = new BenchJson().document(AT, Rows.MACHINE, false, Rows.sample()).get("rows").get(2);

        assertThat(dispatch.get("value").isNull()).isTrue();
        assertThat(dispatch.get("baseline").isNull()).isTrue();
        assertThat(dispatch.get("ratio").isNull()).isTrue();
        assertThat(dispatch.get("baselineLabel").asText()).isEqualTo("WebClient");
        assertThat(dispatch.get("verdict").asText()).isEqualTo("NOT_AVAILABLE");
        assertThat(dispatch.get("note").asText()).isEqualTo("not available in this build: not merged");
    }
}
