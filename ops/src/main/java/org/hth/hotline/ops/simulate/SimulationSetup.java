package org.hth.hotline.ops.simulate;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.hth.hotline.standin.ami.AmiServerConfig;
import org.hth.hotline.standin.call.CallerBehaviour;
import org.hth.hotline.standin.dialplan.Dialplan;
import org.hth.hotline.standin.scenario.Scenario;
import org.hth.hotline.standin.scenario.ScenarioLoader;

/**
 * Turns {@code hotline simulate}'s options and the environment into the stand-in's scenario, AMI server and
 * dialplan. The AMI port, user and secret are read from the same variables {@code hotline serve} reads
 * ({@code HOTLINE_AMI_PORT}, {@code HOTLINE_AMI_USERNAME}, {@code HOTLINE_AMI_SECRET} or
 * {@code HOTLINE_AMI_SECRET_FILE}), so both commands started from one shell agree. Stateless; thread-safe.
 */
final class SimulationSetup {
    static final String DEFAULT_SCENARIO = "/simulate/default-scenario.yaml";
    static final String SHIPPED_DIALPLAN = "/asterisk/extensions.conf";

    private final Map<String, String> env;

    SimulationSetup(Map<String, String> env) {
        this.env = env;
    }

    /** The scenario file, or the bundled default; {@code calls} replaces its calls with a load, {@code speed} its speed. */
    Scenario scenario(Optional<Path> file, Optional<Integer> calls, double rate, Optional<Double> speed) {
        Scenario read = ScenarioLoader.parse(file.map(SimulationSetup::readFile)
                .orElseGet(() -> resource(DEFAULT_SCENARIO)));
        double newSpeed = speed.orElse(read.speed());
        if (calls.isEmpty()) {
            return new Scenario(newSpeed, read.line(), read.endpoints(), read.calls(), read.load());
        }
        CallerBehaviour caller = read.load().map(Scenario.Load::caller).orElseGet(SimulationSetup::loadCaller);
        return new Scenario(newSpeed, read.line(), read.endpoints(), List.of(),
                Optional.of(new Scenario.Load(calls.get(), rate, caller)));
    }

    /** The dialplan file, or the shipped {@code extensions.conf} bundled in the jar. */
    Dialplan dialplan(Optional<Path> file) {
        return Dialplan.parse(file.map(SimulationSetup::readFile).orElseGet(() -> resource(SHIPPED_DIALPLAN)));
    }

    /**
     * The stand-in's AMI server: loopback (or {@code HOTLINE_AMI_HOST}), the port and user given or those of the
     * environment, the secret of the environment.
     *
     * @throws IllegalArgumentException when no secret is set, naming the variable
     */
    AmiServerConfig ami(Optional<Integer> port, Optional<String> user) {
        String secret = secret().orElseThrow(() -> new IllegalArgumentException(
                "no AMI secret: set HOTLINE_AMI_SECRET (or HOTLINE_AMI_SECRET_FILE) to the value hotline serve uses"));
        int amiPort = port.orElseGet(() -> Integer.parseInt(env.getOrDefault("HOTLINE_AMI_PORT", "5038").trim()));
        String username = user.orElseGet(() -> env.getOrDefault("HOTLINE_AMI_USERNAME", "hotline"));
        return new AmiServerConfig(env.getOrDefault("HOTLINE_AMI_HOST", "127.0.0.1"), amiPort, username, secret,
                Duration.ofSeconds(1), 65536);
    }

    /** {@code HOST:PORT} given, else {@code HOTLINE_AGI_HOST}/{@code HOTLINE_AGI_PORT}, else 127.0.0.1:4573. */
    AgiAddress agi(Optional<String> given) {
        if (given.isPresent()) {
            return AgiAddress.parse(given.get());
        }
        String host = env.getOrDefault("HOTLINE_AGI_HOST", "127.0.0.1");
        if (host.equals("0.0.0.0") || host.equals("::")) {
            host = "127.0.0.1";
        }
        return new AgiAddress(host, Integer.parseInt(env.getOrDefault("HOTLINE_AGI_PORT", "4573").trim()));
    }

    private Optional<String> secret() {
        String value = env.get("HOTLINE_AMI_SECRET");
        if (value != null && !value.isEmpty()) {
            return Optional.of(value);
        }
        return Optional.ofNullable(env.get("HOTLINE_AMI_SECRET_FILE")).filter(f -> !f.isBlank())
                .map(f -> readFile(Path.of(f)).strip());
    }

    /** The caller of generated calls when the scenario has none: presses 1 (Italian), stays at most 90 s. */
    private static CallerBehaviour loadCaller() {
        return new CallerBehaviour("3331234567", "Load Caller", List.of("1"), Duration.ofMillis(700),
                Optional.of(Duration.ofSeconds(90)));
    }

    private static String readFile(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static String resource(String name) {
        try (InputStream in = SimulationSetup.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name, e);
        }
    }

    /** Where the hotline's FastAGI server listens. */
    record AgiAddress(String host, int port) {
        static AgiAddress parse(String hostPort) {
            int colon = hostPort.lastIndexOf(':');
            if (colon <= 0 || colon == hostPort.length() - 1) {
                throw new IllegalArgumentException("--agi: expected HOST:PORT, got \"" + hostPort + "\"");
            }
            try {
                return new AgiAddress(hostPort.substring(0, colon), Integer.parseInt(hostPort.substring(colon + 1)));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--agi: the port is not a number in \"" + hostPort + "\"", e);
            }
        }
    }
}
