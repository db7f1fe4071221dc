package org.hth.hotline.ops.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code route}: connect to first {@code Dial}, p50 and p99, for a load of calls arriving at a fixed rate (1,000
 * at 200/s, so that 1,000 are in a call at once), through the real server (FastAGI, the {@code route} script,
 * the SQLite store, the sample roster) and through the baseline, Asterisk-Java serving a script that only
 * dials, with the same arguments. The same client, on its own event loop, drives both; the order alternates
 * from run to run. Target: p99 within 1 ms of the baseline, no call lost.
 */
final class RouteScenario implements Scenario {
    private static final String NAME = "route";
    private static final String BASELINE = "Asterisk-Java DefaultAgiServer, script that only runs the same Dial";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Figure> run(BenchSettings settings, Progress progress) throws Exception {
        RouteLoadShape shape = RouteLoadShape.of(settings);
        List<Double> p50 = new ArrayList<>();
        List<Double> p99 = new ArrayList<>();
        List<Double> lost = new ArrayList<>();
        List<Double> peak = new ArrayList<>();
        List<Double> baseP50 = new ArrayList<>();
        List<Double> baseP99 = new ArrayList<>();
        List<Double> baseLost = new ArrayList<>();
        List<Double> commands = new ArrayList<>();
        List<Double> baseCommands = new ArrayList<>();
        try (AgiLoad load = new AgiLoad(); HotlineUnderTest hotline = HotlineUnderTest.start(settings.workDir())) {
            progress.say(NAME, "warm-up of the hotline's route script");
            RouteLoadShape warm = RouteLoadShape.warmUp();
            AgiLoad.Result warmed = load.run(hotline.agiPort(), warm.calls(), warm.rate(), warm.hold());
            if (warmed.dialCommand().isEmpty()) {
                throw new IllegalStateException("the route script sent no Dial in the warm-up");
            }
            String arguments = AgiReplies.dialArguments(warmed.dialCommand());
            try (BareAgiServer bare = BareAgiServer.start(arguments)) {
                progress.say(NAME, "warm-up of the baseline");
                load.run(bare.port(), warm.calls(), warm.rate(), warm.hold());
                for (int run = 1; run <= settings.runs(); run++) {
                    boolean hotlineFirst = run % 2 == 1;
                    for (int leg = 0; leg < 2; leg++) {
                        boolean isHotline = hotlineFirst == (leg == 0);
                        progress.say(NAME, "run " + run + "/" + settings.runs() + ", "
                                + (isHotline ? "hotline" : "baseline") + ": " + shape.describe());
                        AgiLoad.Result result = load.run(isHotline ? hotline.agiPort() : bare.port(), shape.calls(),
                                shape.rate(), shape.hold());
                        (isHotline ? p50 : baseP50).add(result.millisAt(50));
                        (isHotline ? p99 : baseP99).add(result.millisAt(99));
                        (isHotline ? lost : baseLost).add((double) result.lost());
                        (isHotline ? commands : baseCommands).add(result.steps().commandsPerCall());
                        progress.say(NAME, (isHotline ? "hotline" : "baseline") + " server time per command "
                                + "before Dial (p50/p99): " + result.steps().describe());
                        if (isHotline) {
                            peak.add((double) result.peakCalls());
                        }
                    }
                }
            }
        }
        String how = "lean Netty FastAGI client (own event loop), " + shape.describe()
                + "; caller presses 1 at once; server in-process";
        return List.of(
                Figure.compared(NAME, "connect->Dial p50", "ms", p50, new Figure.Baseline(BASELINE, baseP50),
                        new Target.None(), how),
                Figure.compared(NAME, "connect->Dial p99", "ms", p99, new Figure.Baseline(BASELINE, baseP99),
                        new Target.WithinOfBaseline(1.0), ""),
                Figure.compared(NAME, "calls lost", "calls", lost, new Figure.Baseline(BASELINE, baseLost),
                        new Target.AtMost(0), ""),
                Figure.compared(NAME, "AGI commands to first Dial", "commands", commands,
                        new Figure.Baseline(BASELINE, baseCommands), new Target.None(), "including the Dial"),
                Figure.measured(NAME, "calls in Dial at once (peak)", "calls", peak, new Target.None(), ""));
    }
}
