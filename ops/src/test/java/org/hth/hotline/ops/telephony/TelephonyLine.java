package org.hth.hotline.ops.telephony;

import static org.awaitility.Awaitility.await;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;

import org.hth.hotline.core.call.CallQuery;
import org.hth.hotline.core.call.CallRecord;
import org.hth.hotline.core.config.ConfigLoader;
import org.hth.hotline.core.roster.Presence;
import org.hth.hotline.core.roster.PresenceState;
import org.hth.hotline.core.store.Store;
import org.hth.hotline.ops.TestEnvironments;
import org.hth.hotline.ops.serve.RunningServer;
import org.hth.hotline.ops.serve.ServerAssembly;
import org.hth.hotline.standin.ami.AmiServerConfig;
import org.hth.hotline.standin.call.CallerBehaviour;
import org.hth.hotline.standin.scenario.CallResult;
import org.hth.hotline.standin.scenario.Scenario;
import org.hth.hotline.standin.scenario.ScenarioLoader;
import org.hth.hotline.standin.scenario.Simulator;
import org.hth.hotline.standin.scenario.SimulatorConfig;

/**
 * One hotline line end to end: a real server ({@link ServerAssembly#start}) on a SQLite store in a temporary
 * directory with the test roster, and the Asterisk stand-in running a scenario: its AMI server is the one the
 * server's call tracker logs in to, its calls run the shipped {@code extensions.conf} and reach the server's
 * FastAGI port. The server's clock runs at the scenario's speed, so recorded seconds are simulated seconds.
 * Used by one test thread; the calls run on Netty event loops. Its waits look at the store and the stand-in only,
 * not at uncaught exceptions of other threads (Asterisk-Java's reader thread can end with one when AMI drops).
 */
final class TelephonyLine implements AutoCloseable {
    static final String AMI_SECRET = "e2e-ami-secret";
    static final Path SHIPPED_DIALPLAN = Path.of("..", "config", "asterisk", "extensions.conf");

    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(4, NioIoHandler.newFactory());
    private final Simulator simulator;
    private final RunningServer server;
    private final Scenario scenario;

    private TelephonyLine(Path dataDir, Scenario scenario) {
        this.scenario = scenario;
        Map<String, String> env = new HashMap<>(TestEnvironments.serverEnv(dataDir, TestEnvironments.freePort()));
        env.put("HOTLINE_ROSTER_FILE", roster().toString());
        env.put("HOTLINE_AMI_SECRET", AMI_SECRET);
        env.put("HOTLINE_AMI_RECONNECT_MIN", "200ms");
        env.put("HOTLINE_AMI_RECONNECT_MAX", "1s");
        int agiPort = Integer.parseInt(env.get("HOTLINE_AGI_PORT"));
        int amiPort = Integer.parseInt(env.get("HOTLINE_AMI_PORT"));
        SimulatorConfig config = new SimulatorConfig("127.0.0.1", agiPort,
                AmiServerConfig.loopback("hotline", AMI_SECRET).withPort(amiPort),
                SimulatorConfig.readDialplan(SHIPPED_DIALPLAN), "numero-verde", ZoneId.of("Europe/Rome"));
        this.simulator = new Simulator(scenario, config, group, Clock.systemUTC()).start();
        RunningServer started;
        try {
            started = ServerAssembly.start(ConfigLoader.load(Optional.empty(), env), new ScaledClock(scenario.speed()));
        } catch (RuntimeException e) {
            simulator.close();
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            throw e;
        }
        this.server = started;
        awaitAmiLogin();
    }

    /** Starts a line running the scenario (YAML, as in the stand-in's README). */
    static TelephonyLine start(Path dataDir, String scenarioYaml) {
        return new TelephonyLine(dataDir, ScenarioLoader.parse(scenarioYaml));
    }

    private static Path roster() {
        try {
            return Path.of(TelephonyLine.class.getResource("/telephony/roster-e2e.yaml").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits until the server's AMI client is logged in to the stand-in. */
    void awaitAmiLogin() {
        await().dontCatchUncaughtExceptions().atMost(Duration.ofSeconds(15)).until(() -> simulator.ami().loggedInClients() == 1);
    }

    /** Waits until the server's own PBX health check says the AMI connection is up (login and first sync done). */
    TelephonyLine awaitPbxUp() {
        await().dontCatchUncaughtExceptions().atMost(Duration.ofSeconds(15)).until(() -> server.health().components()
                .get("pbx").state() == org.hth.hotline.core.health.HealthState.UP);
        return this;
    }

    /** Marks operators as at the console (presence AVAILABLE), as the console would: stored, then told live. */
    TelephonyLine atConsole(String... operatorIds) {
        for (String id : operatorIds) {
            java.time.Instant now = java.time.Instant.now();
            store().roster().setPresence(new Presence(id, PresenceState.AVAILABLE, now));
            server.liveEvents().publish(new org.hth.hotline.core.live.LiveEvent("presence.changed", now,
                    java.util.Map.of("operatorId", id, "state", PresenceState.AVAILABLE.name())));
        }
        return this;
    }

    /** Runs the scenario's calls; completes when every call is over. */
    List<CallResult> runScenario() throws Exception {
        return simulator.run().get(60, TimeUnit.SECONDS);
    }

    /** Places one call now. */
    CompletableFuture<CallResult> place(CallerBehaviour caller) {
        return simulator.place(caller, "").done().thenApply(CallResult::of);
    }

    /** The call's record, once the tracker wrote it. */
    CallRecord awaitRecord(String callId) {
        return await().dontCatchUncaughtExceptions().atMost(Duration.ofSeconds(20))
                .until(() -> store().calls().find(callId), Optional::isPresent).orElseThrow();
    }

    /** Every record, once there are {@code count} of them. */
    List<CallRecord> awaitRecords(int count) {
        await().dontCatchUncaughtExceptions().atMost(Duration.ofSeconds(40)).until(() -> store().calls().query(CallQuery.all(CallQuery.MAX_LIMIT))
                .items().size() >= count);
        return store().calls().query(CallQuery.all(CallQuery.MAX_LIMIT)).items();
    }

    Store store() {
        return server.store();
    }

    RunningServer server() {
        return server;
    }

    Simulator simulator() {
        return simulator;
    }

    Scenario scenario() {
        return scenario;
    }

    @Override
    public void close() {
        server.close();
        simulator.close();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
