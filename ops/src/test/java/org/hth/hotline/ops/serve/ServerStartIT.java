package org.hth.hotline.ops.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import io.vertx.core.json.JsonObject;

import org.hth.hotline.core.config.ConfigLoader;
import org.hth.hotline.core.config.HotlineConfig;
import org.hth.hotline.core.roster.Presence;
import org.hth.hotline.core.roster.PresenceState;
import org.hth.hotline.ops.TestEnvironments;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerStartIT {
    private final HttpClient http = HttpClient.newHttpClient();
    private RunningServer server;

    @TempDir
    Path dataDir;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private HotlineConfig config(Map<String, String> overrides) {
        Map<String, String> env = new HashMap<>(TestEnvironments.serverEnv(dataDir, TestEnvironments.freePort()));
        env.putAll(overrides);
        return ConfigLoader.load(Optional.empty(), env);
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.consolePort() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void servesLivenessReadinessAndMetricsWithoutAPbx() throws Exception {
        server = ServerAssembly.start(config(Map.of()), Clock.systemUTC());

        assertThat(get("/health/live").statusCode()).isEqualTo(200);

        HttpResponse<String> ready = get("/health/ready");
        assertThat(ready.statusCode()).isEqualTo(200);
        JsonObject health = new JsonObject(ready.body());
        assertThat(health.getString("status")).isEqualTo("DEGRADED");
        JsonObject components = health.getJsonObject("components");
        assertThat(components.getJsonObject("store").getString("status")).isEqualTo("UP");
        assertThat(components.getJsonObject("pbx").getString("status")).isEqualTo("DOWN");
        assertThat(components.getJsonObject("pbx").getString("detail")).contains("PBX not connected yet");
        JsonObject dispatcher = components.getJsonObject("dispatcher");
        assertThat(dispatcher.getString("status")).isEqualTo("DOWN");
        assertThat(dispatcher.getString("detail")).contains("referrals wait in the outbox")
                .contains("HOTLINE_DESTINATION_UOR_SECRET");
        assertThat(dispatcher.getString("uds-asl5")).isEqualTo("WAITING_FOR_CONFIGURATION");

        HttpResponse<String> metrics = get("/metrics");
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/plain"));
        assertThat(metrics.body()).contains("jvm_memory_used_bytes").contains("vertx_http_server_requests_total")
                .contains("hotline_operators_available 0.0");
    }

    @Test
    void anAnonymousApiRequestAnswersTheJsonErrorShape() throws Exception {
        server = ServerAssembly.start(config(Map.of()), Clock.systemUTC());

        HttpResponse<String> answer = get("/api/nothing-here");
        assertThat(answer.statusCode()).isEqualTo(401);
        assertThat(new JsonObject(answer.body()).getString("error")).isEqualTo("UNAUTHENTICATED");
    }

    @Test
    void aPortInUseIsNamed() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            HotlineConfig config = config(Map.of("HOTLINE_CONSOLE_PORT", Integer.toString(taken.getLocalPort())));

            assertThatThrownBy(() -> server = ServerAssembly.start(config, Clock.systemUTC()))
                    .isInstanceOf(StartupException.class)
                    .hasMessageContaining("console.port")
                    .hasMessageContaining(Integer.toString(taken.getLocalPort()))
                    .hasMessageContaining("already in use");
        }
    }

    @Test
    void aDataDirectoryThatIsAFileIsNamed() throws Exception {
        Path file = Files.writeString(dataDir.resolve("not-a-dir"), "x");
        HotlineConfig config = config(Map.of("HOTLINE_DATA_DIR", file.toString()));

        assertThatThrownBy(() -> server = ServerAssembly.start(config, Clock.systemUTC()))
                .isInstanceOf(StartupException.class)
                .hasMessageContaining("dataDir")
                .hasMessageContaining("not a directory");
    }

    @Test
    void aRedisThatDoesNotAnswerIsNamed() {
        HotlineConfig config = config(Map.of("HOTLINE_STORE", "redis",
                "HOTLINE_REDIS_URL", "redis://127.0.0.1:" + TestEnvironments.freePort()));

        assertThatThrownBy(() -> server = ServerAssembly.start(config, Clock.systemUTC()))
                .isInstanceOf(StartupException.class)
                .hasMessageContaining("redis.url");
    }

    @Test
    void theRosterFileIsLoadedIntoTheStoreOnceAndConsoleEditsSurviveARestart() throws Exception {
        HotlineConfig config = config(Map.of());
        server = ServerAssembly.start(config, Clock.systemUTC());
        assertThat(server.store().roster().current()).hasValueSatisfying(v -> {
            assertThat(v.version()).isEqualTo(1);
            assertThat(v.savedBy()).isEqualTo("config");
        });
        String edited = Files.readString(TestEnvironments.SAMPLE_ROSTER) + "\n# edited in the console\n";
        server.store().roster().save(edited, "marta", Instant.now());
        server.close();

        server = ServerAssembly.start(config, Clock.systemUTC());
        assertThat(server.store().roster().current()).hasValueSatisfying(v -> {
            assertThat(v.version()).isEqualTo(2);
            assertThat(v.savedBy()).isEqualTo("marta");
        });
    }

    @Test
    void aRosterThatLeavesHoursUncoveredStopsStartUpNamingThem() throws Exception {
        String sample = Files.readString(TestEnvironments.SAMPLE_ROSTER);
        String gappy = sample.replace("covers: { from: \"08:00\", to: \"20:00\" }",
                "covers: { from: \"09:00\", to: \"20:00\" }");
        assertThat(gappy).isNotEqualTo(sample);
        Path file = Files.writeString(dataDir.resolve("roster.yaml"), gappy);
        HotlineConfig config = config(Map.of("HOTLINE_ROSTER_FILE", file.toString()));

        assertThatThrownBy(() -> server = ServerAssembly.start(config, Clock.systemUTC()))
                .isInstanceOf(StartupException.class)
                .hasMessageContaining("roster.file")
                .hasMessageContaining("uncovered")
                .hasMessageContaining("08:00-09:00");
    }

    @Test
    void anAgiPortInUseIsNamed() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            HotlineConfig config = config(Map.of("HOTLINE_AGI_PORT", Integer.toString(taken.getLocalPort())));

            assertThatThrownBy(() -> server = ServerAssembly.start(config, Clock.systemUTC()))
                    .isInstanceOf(StartupException.class)
                    .hasMessageContaining("agi.port")
                    .hasMessageContaining(Integer.toString(taken.getLocalPort()));
        }
    }

    @Test
    void anUnreachablePbxIsReportedAndRetriedWhileTheServerServes() throws Exception {
        server = ServerAssembly.start(config(Map.of("HOTLINE_AMI_SECRET", "not-a-real-secret",
                "HOTLINE_AMI_PORT", Integer.toString(TestEnvironments.freePort()))), Clock.systemUTC());

        JsonObject pbx = new JsonObject(get("/health/ready").body()).getJsonObject("components").getJsonObject("pbx");
        assertThat(pbx.getString("status")).isEqualTo("DOWN");
        assertThat(pbx.getString("detail")).contains("PBX not connected yet").doesNotContain("not-a-real-secret");
        assertThat(get("/metrics").body()).contains("hotline_ami_connected 0.0");
    }

    @Test
    void operatorsWhoGoAvailableAreCounted() throws Exception {
        server = ServerAssembly.start(config(Map.of()), Clock.systemUTC());
        server.store().roster().setPresence(new Presence("op-anna", PresenceState.AVAILABLE, Instant.now()));
        server.store().roster().setPresence(new Presence("op-luca", PresenceState.AWAY, Instant.now()));

        await().atMost(Duration.ofSeconds(15)).until(() -> get("/metrics").body()
                .contains("hotline_operators_available 1.0"));
    }

    @Test
    void closingTwiceIsHarmless() {
        server = ServerAssembly.start(config(Map.of()), Clock.systemUTC());
        server.close();
        server.close();
        server = null;
    }
}
