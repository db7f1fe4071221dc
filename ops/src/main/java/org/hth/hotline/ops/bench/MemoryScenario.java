package org.hth.hotline.ops.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code memory}: the resident memory (VmRSS) of the bench's JVM, which runs the server in-process, at the
 * peak of a {@code route} load beside the same server idle (after start-up and a warm-up, after a GC). The
 * JVM also holds the load generator's single event loop, which is small beside the server's 1,000 worker
 * threads. Target: &lt;= 512 MB during the load.
 */
final class MemoryScenario implements Scenario {
    private static final String NAME = "memory";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Figure> run(BenchSettings settings, Progress progress) throws Exception {
        if (!ResidentMemory.available()) {
            return List.of(Figure.unavailable(NAME, "server RSS during route", "MB", Optional.of("idle server"),
                    new Target.AtMost(512), "/proc/self/status is not readable (not Linux)"));
        }
        RouteLoadShape shape = RouteLoadShape.of(settings);
        List<Double> busy = new ArrayList<>();
        List<Double> idle = new ArrayList<>();
        try (AgiLoad load = new AgiLoad(); HotlineUnderTest hotline = HotlineUnderTest.start(settings.workDir());
             ResidentMemory rss = new ResidentMemory().start()) {
            RouteLoadShape warm = RouteLoadShape.warmUp();
            progress.say(NAME, "warm-up");
            load.run(hotline.agiPort(), warm.calls(), warm.rate(), warm.hold());
            for (int run = 1; run <= settings.runs(); run++) {
                System.gc();
                idle.add(ResidentMemory.nowMb());
                rss.reset();
                progress.say(NAME, "run " + run + "/" + settings.runs() + ": " + shape.describe());
                load.run(hotline.agiPort(), shape.calls(), shape.rate(), shape.hold());
                busy.add(rss.peakMb());
            }
        }
        return List.of(Figure.compared(NAME, "RSS peak during route", "MB", busy,
                new Figure.Baseline("same server idle, after a GC", idle), new Target.AtMost(512),
                "VmRSS of the bench JVM (server in-process, with the load generator); default heap settings"));
    }
}
