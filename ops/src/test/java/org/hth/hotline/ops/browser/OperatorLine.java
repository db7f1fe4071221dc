package org.hth.hotline.ops.browser;

import static org.awaitility.Awaitility.await;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;

import org.hth.hotline.console.auth.PasswordHasher;
import org.hth.hotline.core.config.ConfigLoader;
import org.hth.hotline.core.user.Role;
import org.hth.hotline.ops.TestEnvironments;
import org.hth.hotline.ops.serve.RunningServer;
import org.hth.hotline.ops.serve.ServerAssembly;
import org.hth.hotline.ops.users.UserAdder;
import org.hth.hotline.standin.ami.AmiServerConfig;
import org.hth.hotline.standin.scenario.ScenarioLoader;
import org.hth.hotline.standin.scenario.Simulator;
import org.hth.hotline.standin.scenario.SimulatorConfig;

/**
 * A running server wired to the Asterisk stand-in for the operator's browser tests: the stand-in's AMI server is
 * the one the server's call tracker logs in to, its calls run the shipped {@code extensions.conf} and reach the
 * server's FastAGI port. The roster makes op-anna primary at every hour; user {@code anna} (operator, op-anna) and
 * {@code marta} (coordinator) can log in. Extra environment (destination URLs and secrets) is passed through.
 */
final class OperatorLine implements AutoCloseable {
    static final String PASSWORD = "a long enough secret";
    private static final String AMI_SECRET = "browser-ami-secret";
    private static final Path DIALPLAN = Path.of("..", "config", "asterisk", "extensions.conf");

    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
    private final Simulator simulator;
    private final RunningServer server;

    OperatorLine(Path dataDir, String scenarioYaml, Map<String, String> extraEnv) {
        Map<String, String> env = new HashMap<>(TestEnvironments.serverEnv(dataDir, TestEnvironments.freePort()));
        env.put("HOTLINE_ROSTER_FILE", resource("/operator/roster.yaml").toString());
        env.put("HOTLINE_AMI_SECRET", AMI_SECRET);
        env.put("HOTLINE_AMI_RECONNECT_MIN", "200ms");
        env.put("HOTLINE_AMI_RECONNECT_MAX", "1s");
        env.putAll(extraEnv);
        SimulatorConfig config = new SimulatorConfig("127.0.0.1", Integer.parseInt(env.get("HOTLINE_AGI_PORT")),
                AmiServerConfig.loopback("hotline", AMI_SECRET).withPort(Integer.parseInt(env.get("HOTLINE_AMI_PORT"))),
                SimulatorConfig.readDialplan(DIALPLAN), "numero-verde", ZoneId.of("Europe/Rome"));
        simulator = new Simulator(ScenarioLoader.parse(scenarioYaml), config, group, Clock.systemUTC()).start();
        try {
            server = ServerAssembly.start(ConfigLoader.load(Optional.empty(), env), env, Clock.systemUTC());
        } catch (RuntimeException e) {
            simulator.close();
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            throw e;
        }
        UserAdder users = new UserAdder(server.store().users(), new PasswordHasher(1024, 1, 1, new SecureRandom()),
                Clock.systemUTC());
        users.add("anna", Set.of(Role.OPERATOR), Optional.of("op-anna"), PASSWORD.toCharArray());
        users.add("marta", Set.of(Role.COORDINATOR), Optional.empty(), PASSWORD.toCharArray());
        await().atMost(Duration.ofSeconds(15)).until(() -> simulator.ami().loggedInClients() == 1);
    }

    private static Path resource(String name) {
        try {
            return Path.of(OperatorLine.class.getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    String url() {
        return "http://localhost:" + server.consolePort() + "/";
    }

    RunningServer server() {
        return server;
    }

    Simulator simulator() {
        return simulator;
    }

    @Override
    public void close() {
        server.close();
        simulator.close();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
