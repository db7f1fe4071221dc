package org.hth.hotline.standin.scenario;

import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hth.hotline.standin.agi.AgiApplicationData;
import org.hth.hotline.standin.agi.StandinAgiClient;
import org.hth.hotline.standin.ami.AmiBackend;
import org.hth.hotline.standin.ami.AmiMessage;
import org.hth.hotline.standin.ami.StandinAmiServer;
import org.hth.hotline.standin.call.CallHub;
import org.hth.hotline.standin.call.CallerBehaviour;
import org.hth.hotline.standin.call.SimCall;
import org.hth.hotline.standin.call.Timeline;
import org.hth.hotline.standin.dialplan.DialplanRunner;
import org.hth.hotline.standin.dialplan.Gosub;

/**
 * Runs a {@link Scenario}: serves AMI, places each call into the dialplan (which runs FastAGI against the
 * configured server), and completes with every call's {@link CallResult} once all are over. Calls are spread
 * over the group's event loops, one loop per call, no thread per call. Thread-safe.
 */
public final class Simulator implements AutoCloseable {
    private static final Pattern LINE_CHANNEL = Pattern.compile("Local/([^@]+)@(.+)");
    private static final Pattern CALLER_ID = Pattern.compile("\"?([^\"<]*)\"?\\s*<([^>]*)>");
    private static final Pattern CALLER_SIM = Pattern.compile("(?:d(\\d+))?h(\\d+)");

    private final Scenario scenario;
    private final SimulatorConfig config;
    private final EventLoopGroup group;
    private final StandinAmiServer ami;
    private final CallHub hub;
    private final StandinAgiClient agi = StandinAgiClient.withDefaultSounds();
    private final List<SimCall> calls = new CopyOnWriteArrayList<>();

    /** @param group event loops for AMI, FastAGI and the calls (the caller owns it) */
    public Simulator(Scenario scenario, SimulatorConfig config, EventLoopGroup group, Clock clock) {
        this.scenario = scenario;
        this.config = config;
        this.group = group;
        Timeline timeline = new Timeline(clock, scenario.speed());
        this.ami = new StandinAmiServer(config.ami(), group, clock);
        this.hub = new CallHub(timeline, scenario.endpoints(), config.zone(), ami::broadcast);
        ami.backend(hub);
        hub.originator(this::originate);
        hub.subroutines(new Gosub(config.dialplan()));
    }

    /** Starts the AMI server. */
    public Simulator start() {
        ami.start();
        return this;
    }

    public StandinAmiServer ami() {
        return ami;
    }

    /** Places the scenario's calls (load spread at its rate) and completes when every call is over. */
    public CompletableFuture<List<CallResult>> run() {
        List<CompletableFuture<SimCall>> done = new ArrayList<>();
        for (CallerBehaviour c : scenario.calls()) {
            done.add(place(c, "").done());
        }
        scenario.load().ifPresent(load -> {
            for (int i = 0; i < load.calls(); i++) {
                CompletableFuture<SimCall> f = new CompletableFuture<>();
                done.add(f);
                EventLoop loop = group.next();
                loop.schedule(() -> place(load.caller(), "").done().whenComplete((c, e) -> f.complete(c)),
                        load.interval().toNanos() * i, java.util.concurrent.TimeUnit.NANOSECONDS);
            }
        });
        return CompletableFuture.allOf(done.toArray(CompletableFuture[]::new))
                .thenApply(v -> done.stream().map(CompletableFuture::join).map(CallResult::of).toList());
    }

    /** Places one call now; it runs on its own event loop. */
    public SimCall place(CallerBehaviour caller, String originateActionId) {
        EventLoop loop = group.next();
        SimCall call = new SimCall(hub, loop, caller, scenario.line(), config.context(), originateActionId);
        calls.add(call);
        loop.execute(() -> {
            call.start();
            new DialplanRunner(call, config.dialplan(), this::runAgi).start();
        });
        return call;
    }

    /** Every call placed so far. */
    public List<SimCall> calls() {
        return List.copyOf(calls);
    }

    private CompletableFuture<String> runAgi(SimCall call, String data) {
        AgiApplicationData request = AgiApplicationData.parse(data);
        return agi.run(call, config.agiHost(), config.agiPort(), request.script(), request.arguments())
                .whenComplete((s, e) -> call.agiStatus(s));
    }

    /** AMI {@code Originate} into the line places a call; {@code Exten} like {@code d2h10} sets the caller's keys and patience. */
    private AmiBackend.OriginateOutcome originate(AmiMessage action) {
        Matcher m = LINE_CHANNEL.matcher(action.getOrEmpty("Channel"));
        if (!m.matches() || !m.group(1).equals(scenario.line())) {
            ami.broadcast(AmiMessage.builder().add("Event", "OriginateResponse").add("Privilege", "call,all")
                    .actionId(action).add("Response", "Failure").add("Channel", action.getOrEmpty("Channel"))
                    .add("Reason", "0").add("Uniqueid", "<unknown>").build());
            return AmiBackend.OriginateOutcome.QUEUED;
        }
        CallerBehaviour caller = CallerBehaviour.testCaller();
        Matcher cid = CALLER_ID.matcher(action.getOrEmpty("CallerID"));
        if (cid.find()) {
            caller = new CallerBehaviour(cid.group(2), cid.group(1).trim(), List.of(), caller.keyDelay(),
                    caller.hangupAfter());
        }
        Matcher sim = CALLER_SIM.matcher(action.getOrEmpty("Exten"));
        if (sim.matches()) {
            caller = sim.group(1) == null ? caller : caller.withKeys(sim.group(1));
            long seconds = Long.parseLong(sim.group(2));
            caller = caller.hangingUpAfter(java.time.Duration.ofSeconds(seconds + (sim.group(1) == null ? 0 : 1)));
        }
        place(caller, action.getOrEmpty("ActionID"));
        return AmiBackend.OriginateOutcome.QUEUED;
    }

    @Override
    public void close() {
        ami.close();
    }
}
