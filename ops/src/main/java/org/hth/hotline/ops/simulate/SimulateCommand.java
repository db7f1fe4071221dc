package org.hth.hotline.ops.simulate;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;

import org.hth.hotline.ops.CommandEnvironment;
import org.hth.hotline.standin.ami.AmiServerConfig;
import org.hth.hotline.standin.scenario.CallResult;
import org.hth.hotline.standin.scenario.Scenario;
import org.hth.hotline.standin.scenario.Simulator;
import org.hth.hotline.standin.scenario.SimulatorConfig;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code hotline simulate}: plays Asterisk for a running {@code hotline serve}. Serves AMI on the port the server
 * connects to, waits for its login, places the scenario's calls into the shipped {@code [numero-verde]} dialplan
 * (which runs FastAGI against the server), prints progress every second and a summary at the end. Never prints a
 * caller's number. Runs on the calling thread, which waits; the calls run on Netty event loops.
 */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = {"Play Asterisk for a running hotline serve: serve AMI, place scenario calls over FastAGI,",
                "print progress and a summary. The AMI port, user and secret come from the same HOTLINE_AMI_*",
                "variables hotline serve reads."})
public final class SimulateCommand implements Callable<Integer> {
    private final CommandEnvironment environment;

    @Option(names = "--scenario", paramLabel = "FILE", description = "scenario YAML (default: the bundled one)")
    private Path scenarioFile;

    @Option(names = "--calls", paramLabel = "N", description = "place N generated calls instead of the scenario's calls")
    private Integer calls;

    @Option(names = "--rate", paramLabel = "R", defaultValue = "10",
            description = "new generated calls per second (default: ${DEFAULT-VALUE})")
    private double rate;

    @Option(names = "--agi", paramLabel = "HOST:PORT",
            description = "the hotline's FastAGI address (default: HOTLINE_AGI_HOST:HOTLINE_AGI_PORT, else 127.0.0.1:4573)")
    private String agi;

    @Option(names = "--ami-port", paramLabel = "P", description = "AMI port to serve (default: HOTLINE_AMI_PORT, else 5038)")
    private Integer amiPort;

    @Option(names = "--ami-user", paramLabel = "U", description = "AMI user (default: HOTLINE_AMI_USERNAME, else hotline)")
    private String amiUser;

    @Option(names = "--speed", paramLabel = "S",
            description = "simulated seconds per real second (default: the scenario's speed)")
    private Double speed;

    @Option(names = "--dialplan", paramLabel = "FILE",
            description = "extensions.conf to run (default: the shipped config/asterisk/extensions.conf)")
    private Path dialplan;

    @Option(names = "--wait-ami", paramLabel = "SECONDS", defaultValue = "70",
            description = "how long to wait for hotline serve to log in to AMI (default: ${DEFAULT-VALUE})")
    private long waitAmi;

    @Option(names = "--max-time", paramLabel = "SECONDS", defaultValue = "600",
            description = "stop waiting for the calls after this long (default: ${DEFAULT-VALUE})")
    private long maxTime;

    public SimulateCommand(CommandEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = environment.out();
        SimulationSetup setup = new SimulationSetup(environment.env());
        Scenario scenario;
        SimulatorConfig config;
        try {
            scenario = setup.scenario(Optional.ofNullable(scenarioFile), Optional.ofNullable(calls), rate,
                    Optional.ofNullable(speed));
            SimulationSetup.AgiAddress address = setup.agi(Optional.ofNullable(agi));
            AmiServerConfig ami = setup.ami(Optional.ofNullable(amiPort), Optional.ofNullable(amiUser));
            config = new SimulatorConfig(address.host(), address.port(), ami, setup.dialplan(Optional.ofNullable(dialplan)),
                    "numero-verde", ZoneId.of("Europe/Rome"));
        } catch (IllegalArgumentException | UncheckedIOException | IllegalStateException e) {
            environment.err().println("simulate: " + e.getMessage());
            environment.err().flush();
            return 2;
        }
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(NioIoHandler.newFactory());
        try (Simulator simulator = new Simulator(scenario, config, group, environment.clock())) {
            return run(simulator, scenario, config, out);
        } finally {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }

    private int run(Simulator simulator, Scenario scenario, SimulatorConfig config, PrintWriter out)
            throws InterruptedException {
        simulator.start();
        out.printf("AMI served on %s:%d (user %s); FastAGI calls go to %s:%d; speed %sx%n", config.ami().host(),
                simulator.ami().port(), config.ami().username(), config.agiHost(), config.agiPort(), scenario.speed());
        out.println("waiting for hotline serve to log in to AMI ...");
        out.flush();
        if (!new AmiLogin(simulator.ami()).await(Duration.ofSeconds(waitAmi))) {
            out.printf("no AMI login within %d s: calls are placed anyway, but the server will not record them%n",
                    waitAmi);
        } else {
            out.println("hotline serve is logged in");
        }
        Progress progress = new Progress(simulator, scenario.totalCalls(), out);
        progress.start();
        try {
            List<CallResult> results = simulator.run().get(maxTime, TimeUnit.SECONDS);
            progress.stop();
            SimulationSummary.of(results).print(out);
            return 0;
        } catch (TimeoutException e) {
            progress.stop();
            out.printf("not every call ended within %d s; summary of the calls that did:%n", maxTime);
            SimulationSummary.of(progress.finished()).print(out);
            return 1;
        } catch (ExecutionException e) {
            progress.stop();
            environment.err().println("simulate: the simulation failed: " + e.getCause());
            environment.err().flush();
            return 1;
        }
    }
}
