package org.hth.hotline.ops.bench;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.hth.hotline.core.store.Store;
import org.hth.hotline.core.store.redis.RedisStore;
import org.hth.hotline.core.store.sqlite.SqliteStore;

/**
 * {@code dispatch}: referrals per second from opening (the ticket and its outbox entries written) to a 2xx of a
 * local receiver for each of its webhooks, and the p99 of that latency with one referral at a time (unloaded),
 * on SQLite and, when {@code HOTLINE_BENCH_REDIS_URL} is set, on Redis; beside the Vert.x WebClient posting the
 * same requests straight to the same receiver ({@link BaselinePoster}). The loaded p99 is shown for information.
 * Targets: &gt;= 40 % of the baseline's throughput; unloaded p99 &lt;= 50 ms.
 */
final class DispatchScenario implements Scenario {
    private static final String NAME = "dispatch";
    private static final String BASELINE = "Vert.x WebClient posting the same requests to the same receiver";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Figure> run(BenchSettings settings, Progress progress) throws Exception {
        List<Figure> figures = new ArrayList<>();
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            Clock clock = Clock.systemUTC();
            figures.addAll(measure("sqlite", SqliteStore.open(settings.workDir().resolve("dispatch.db"), clock),
                    receiver, settings, progress));
            if (settings.redisUrl().isPresent()) {
                URI url = settings.redisUrl().get();
                String prefix = "hotline-bench:" + UUID.randomUUID() + ":";
                try {
                    figures.addAll(measure("redis", RedisStore.open(url, Duration.ofSeconds(10), prefix, clock),
                            receiver, settings, progress));
                } finally {
                    RedisKeys.deleteByPrefix(url, prefix);
                }
            } else {
                String reason = "HOTLINE_BENCH_REDIS_URL is not set";
                figures.add(Figure.unavailable(NAME, "redis tickets/s", "tickets/s", Optional.of(BASELINE),
                        new Target.ShareOfBaselineAndFloor(0.40, 0), reason));
                figures.add(Figure.unavailable(NAME, "redis p99 unloaded", "ms", Optional.of(BASELINE),
                        new Target.AtMost(50), reason));
            }
        }
        return figures;
    }

    private static double last(List<Double> values) {
        return values.get(values.size() - 1);
    }

    private static List<Figure> measure(String label, Store store, WebhookReceiver receiver, BenchSettings settings,
                                        Progress progress) throws Exception {
        int loadedCount = settings.quick() ? 300 : 1_000;
        int unloadedCount = settings.quick() ? 50 : 200;
        List<Double> rate = new ArrayList<>();
        List<Double> unloaded = new ArrayList<>();
        List<Double> loaded = new ArrayList<>();
        List<Double> baseRate = new ArrayList<>();
        List<Double> baseUnloaded = new ArrayList<>();
        List<Double> cpu = new ArrayList<>();
        List<Double> baseCpu = new ArrayList<>();
        int workers;
        try (DispatchRig rig = DispatchRig.start(store, receiver)) {
            workers = rig.workers();
            try (BaselinePoster baseline = new BaselinePoster(receiver, workers)) {
                // Both sides warm up alike, with bursts of the measured size: a shorter warm-up measured the
                // JIT compiling the dispatcher's path (CPU per referral fell 2.5x from run 1 to run 5) against a
                // baseline whose few client methods were hot after its first burst.
                int warmBursts = Integer.getInteger("warm", settings.quick() ? 2 : 4);
                for (int burst = 1; burst <= warmBursts; burst++) {
                    progress.say(NAME, label + ": warm-up " + burst + "/" + warmBursts + ", " + loadedCount
                            + " referrals at once, then 20 one at a time, and the baseline the same");
                    DispatchRun warm = rig.loaded(loadedCount);
                    rig.oneAtATime(20);
                    baseline.throughput(warm.webhooks());
                    baseline.oneAtATime(warm.webhooks().subList(0, 20));
                }
                for (int run = 1; run <= settings.runs(); run++) {
                    progress.say(NAME, label + ": run " + run + "/" + settings.runs() + ", " + loadedCount
                            + " referrals at once, then " + unloadedCount + " one at a time");
                    long cpuBefore = ProcessCpu.nanos();
                    long jitBefore = ProcessCpu.compilingMillis();
                    DispatchRun burst = rig.loaded(loadedCount);
                    progress.say(NAME, "JIT ms during burst: " + (ProcessCpu.compilingMillis() - jitBefore));
                    cpu.add((ProcessCpu.nanos() - cpuBefore) / 1e3 / loadedCount);
                    rate.add(burst.ticketsPerSecond());
                    loaded.add(Percentiles.ofNanosAsMillis(burst.latencyNanos()).at(99));
                    unloaded.add(Percentiles.ofNanosAsMillis(rig.oneAtATime(unloadedCount).latencyNanos()).at(99));
                    cpuBefore = ProcessCpu.nanos();
                    baseRate.add(baseline.throughput(burst.webhooks()));
                    baseCpu.add((ProcessCpu.nanos() - cpuBefore) / 1e3 / loadedCount);
                    progress.say(NAME, String.format(Locale.ROOT, "%s: run %d: %.0f tickets/s (baseline %.0f),"
                            + " CPU %.0f µs per referral (baseline %.0f)", label, run, last(rate), last(baseRate),
                            last(cpu), last(baseCpu)));
                    baseUnloaded.add(Percentiles.ofNanosAsMillis(
                            baseline.oneAtATime(burst.webhooks().subList(0, unloadedCount))).at(99));
                }
            }
        }
        String how = "2 webhooks per referral (UOR + ASL 5 unit), opened from " + DispatchRig.OPENERS
                + " threads; dispatcher defaults (" + workers
                + " workers); baseline with " + workers + " requests in flight; receiver answers 204 on its own loop";
        return List.of(
                Figure.compared(NAME, label + " tickets/s", "tickets/s", rate, new Figure.Baseline(BASELINE, baseRate),
                        new Target.ShareOfBaselineAndFloor(0.40, 0), how),
                Figure.compared(NAME, label + " p99 unloaded", "ms", unloaded,
                        new Figure.Baseline(BASELINE, baseUnloaded), new Target.AtMost(50),
                        "one referral at a time: opened (store write included) to its last webhook received"),
                Figure.measured(NAME, label + " p99 during the burst", "ms", loaded, new Target.None(),
                        loadedCount + " referrals opened back to back from " + DispatchRig.OPENERS + " threads"),
                Figure.compared(NAME, label + " CPU per referral", "µs", cpu, new Figure.Baseline(BASELINE, baseCpu),
                        new Target.None(), "the bench process's CPU time over a burst (openers, store, dispatcher,"
                                + " receiver, JIT and GC) per referral; baseline: over its posts of the same requests"));
    }
}
