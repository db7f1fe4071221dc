package org.hth.hotline.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.vertx.core.json.JsonObject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's run command, for real: {@code java -jar ops/target/hotline.jar serve} from the repository
 * root, on a fresh data directory, with nothing else running; and the shipped systemd unit's command
 * ({@code ops/hotline.service}): it serves and logs JSON, stops within {@code TimeoutStopSec} on SIGTERM with an
 * exit status the unit counts as success (a stop is neither a failure nor restarted), and a refused
 * configuration exits with the status the unit does not restart on.
 */
class JarLaunchIT {
    private static final Path REPO_ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Path JAR = REPO_ROOT.resolve("ops/target/hotline.jar");
    private static final Path UNIT = REPO_ROOT.resolve("ops/hotline.service");

    private final HttpClient http = HttpClient.newHttpClient();
    private final List<Process> processes = new ArrayList<>();

    @TempDir
    Path work;

    @AfterEach
    void killLeftovers() {
        processes.forEach(Process::destroyForcibly);
    }

    private Process launch(Map<String, String> env, Path log, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(javaBinary(), "-jar", JAR.toString()));
        command.addAll(List.of(args));
        return launch(command, env, log);
    }

    private Process launch(List<String> command, Map<String, String> env, Path log) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(REPO_ROOT.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(k -> k.startsWith("HOTLINE_"));
        builder.environment().putAll(env);
        Process process = builder.start();
        processes.add(process);
        return process;
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private int status(int port, String path) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private String body(int port, String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    @Test
    void freshStartAnswersHealthAndMetricsThenStopsCleanlyOnSigterm() throws Exception {
        int port = TestEnvironments.freePort();
        Path data = work.resolve("data");
        Path log = work.resolve("serve.log");
        // no keys given: a first local run generates them into the data directory
        Process server = launch(Map.of("HOTLINE_DATA_DIR", data.toString(),
                "HOTLINE_CONSOLE_PORT", Integer.toString(port),
                "HOTLINE_AGI_PORT", Integer.toString(TestEnvironments.freePort())), log, "serve");

        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                .until(() -> status(port, "/health/live") == 200 || !server.isAlive());
        assertThat(server.isAlive()).as("server running; log:%n%s", Files.readString(log)).isTrue();
        assertThat(body(port, "/metrics")).contains("# TYPE jvm_memory_used_bytes gauge");
        JsonObject ready = new JsonObject(body(port, "/health/ready"));
        assertThat(ready.getJsonObject("components").getJsonObject("pbx").getString("detail"))
                .contains("PBX not connected yet");
        assertThat(Files.exists(data.resolve("hotline.db"))).isTrue();
        assertThat(Files.exists(data.resolve("secrets/pseudonym.key"))).isTrue();

        server.destroy(); // SIGTERM
        assertThat(server.waitFor(30, TimeUnit.SECONDS)).isTrue();
        String output = Files.readString(log);
        assertThat(output).contains("PBX not connected yet").contains("generated").contains("stopped")
                .contains("FastAGI server listening").contains("roster: version 1 loaded");
        assertThat(output).doesNotContain("Exception");
    }

    @Test
    void jsonLogFormatWritesOneJsonObjectPerLine() throws Exception {
        int port = TestEnvironments.freePort();
        Path log = work.resolve("serve.json.log");
        Process server = launch(TestEnvironments.serverEnv(work.resolve("data"), port), log,
                "serve", "--log-format", "json");

        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                .until(() -> status(port, "/health/live") == 200 || !server.isAlive());
        server.destroy();
        assertThat(server.waitFor(30, TimeUnit.SECONDS)).isTrue();

        List<String> lines = Files.readAllLines(log).stream().filter(l -> !l.isBlank()).toList();
        assertThat(lines).isNotEmpty().allSatisfy(line -> assertThat(new JsonObject(line).getString("message"))
                .isNotNull());
        assertThat(lines).anySatisfy(line -> assertThat(line).contains("console listening"));
    }

    @Test
    void aBadConfigurationStopsStartUpWithOneMessageAndNoStackTrace() throws Exception {
        Path log = work.resolve("bad.log");
        Process server = launch(Map.of("HOTLINE_DATA_DIR", work.resolve("data").toString(),
                "HOTLINE_CONSOLE_PORT", "99999"), log, "serve");

        assertThat(server.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(server.exitValue()).isEqualTo(HotlineCommand.CONFIG_ERROR);
        assertThat(Files.readString(log)).contains("console.port").contains("99999").doesNotContain("\tat ");
    }

    @Test
    void theUnitsCommandServesLogsJsonAndStopsOnSigtermWithAStatusTheUnitCountsAsSuccess() throws Exception {
        int port = TestEnvironments.freePort();
        Path log = work.resolve("serve.log");
        Map<String, String> env = TestEnvironments.serverEnv(work.resolve("data"), port);
        env.put("HOTLINE_SECRETS_GENERATE_MISSING", "false");
        Process server = launchAsTheUnit(env, log);

        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                .until(() -> status(port, "/health/live") == 200 || !server.isAlive());
        assertThat(server.isAlive()).as("server running; log:%n%s", Files.readString(log)).isTrue();

        server.destroy(); // SIGTERM, as systemctl stop sends
        Map<String, String> unit = unit();
        long stopSeconds = Long.parseLong(unit.get("TimeoutStopSec"));
        assertThat(server.waitFor(stopSeconds, TimeUnit.SECONDS)).as("stopped within TimeoutStopSec").isTrue();
        List<String> success = new ArrayList<>(List.of("0"));
        success.addAll(Arrays.asList(unit.getOrDefault("SuccessExitStatus", "").split("\\s+")));
        assertThat(success).as("exit status counted as success by the unit").contains(
                Integer.toString(server.exitValue()));
        List<String> lines = Files.readAllLines(log).stream().filter(l -> !l.isBlank()).toList();
        assertThat(lines).allSatisfy(line -> assertThat(new JsonObject(line).getString("message")).isNotNull());
        assertThat(lines).anySatisfy(line -> assertThat(line).contains("\"stopped\""));
    }

    @Test
    void aRefusedConfigurationExitsWithTheStatusTheUnitDoesNotRestartOn() throws Exception {
        Map<String, String> unit = unit();
        assertThat(unit.get("Restart")).isEqualTo("always");
        Map<String, String> env = TestEnvironments.serverEnv(work.resolve("data"), TestEnvironments.freePort());
        env.put("HOTLINE_CONSOLE_PORT", "99999");
        Process server = launchAsTheUnit(env, work.resolve("bad.log"));

        assertThat(server.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(Integer.toString(server.exitValue())).isEqualTo(unit.get("RestartPreventExitStatus"))
                .isEqualTo(Integer.toString(HotlineCommand.CONFIG_ERROR));
    }

    /**
     * The shipped systemd unit's {@code ExecStart} (its JVM options and arguments as written), with this build's
     * {@code java} and jar, from the repository root.
     */
    private Process launchAsTheUnit(Map<String, String> env, Path log) throws IOException {
        List<String> command = new ArrayList<>(Arrays.asList(unit().get("ExecStart").split("\\s+")));
        assertThat(command.get(0)).endsWith("/java");
        command.set(0, javaBinary());
        int jar = command.indexOf("-jar") + 1;
        assertThat(jar).as("ExecStart runs a jar").isPositive();
        command.set(jar, JAR.toString());
        return launch(command, env, log);
    }

    /** The settings of {@code ops/hotline.service}, by name. */
    private static Map<String, String> unit() throws IOException {
        Map<String, String> settings = new HashMap<>();
        for (String line : Files.readAllLines(UNIT)) {
            int equals = line.indexOf('=');
            if (!line.startsWith("#") && equals > 0) {
                settings.put(line.substring(0, equals).trim(), line.substring(equals + 1).trim());
            }
        }
        return settings;
    }
}
