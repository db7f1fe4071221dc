package org.hth.hotline.ops.bench;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.LongSupplier;

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
    /** The share of a warm-up burst's time the JIT may still compile for once warm. */
    private static final double JIT_SETTLED = 0.10;

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
                    StoreCpu.IN_PROCESS, receiver, settings, progress));
            if (settings.redisUrl().isPresent()) {
                URI url = settings.redisUrl().get();
                String prefix = "hotline-bench:" + UUID.randomUUID() + ":";
                try {
                    figures.addAll(measure("redis", RedisStore.open(url, Duration.ofSeconds(10), prefix, clock),
                            new StoreCpu(() -> RedisServerCpu.nanos(url), " and the Redis server's"), receiver,
                            settings, progress));
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

    /**
     * Warms both sides up alike, with bursts of the measured size (and a few referrals one at a time), until the
     * JIT compiles for less than {@link #JIT_SETTLED} of a burst's time: a fixed short warm-up measured the JIT
     * compiling the dispatcher's path (the store, its driver, the HTTP client) in every run, while the baseline's
     * few client methods were compiled after its first burst. At least 4 bursts (2 with {@code --quick}), at most
     * 30 (24).
     */
    private static WarmUp warmUp(String label, DispatchRig rig, BaselinePoster baseline, int loadedCount,
                              BenchSettings settings, Progress progress) throws Exception {
        int least = settings.quick() ? 2 : 4;
        int most = settings.quick() ? 24 : 30;
        for (int burst = 1; ; burst++) {
            long compiledBefore = ProcessCpu.compilingMillis();
            long start = System.nanoTime();
            DispatchRun warm = rig.loaded(loadedCount);
            rig.oneAtATime(20);
            baseline.throughput(warm.webhooks());
            baseline.oneAtATime(warm.webhooks().subList(0, 20));
            double elapsedMillis = (System.nanoTime() - start) / 1e6;
            long compiled = ProcessCpu.compilingMillis() - compiledBefore;
            boolean settled = compiledBefore < 0 || compiled < JIT_SETTLED * elapsedMillis;
            progress.say(NAME, String.format(Locale.ROOT, "%s: warm-up %d (%d referrals at once, then 20 one at a"
                    + " time, and the baseline the same): the JIT compiled for %d ms of %.0f ms", label, burst,
                    loadedCount, compiled, elapsedMillis));
            if (burst >= most || burst >= least && settled) {
                return new WarmUp(burst, settled);
            }
        }
    }

    private static double last(List<Double> values) {
        return values.get(values.size() - 1);
    }

    private static List<Figure> measure(String label, Store store, StoreCpu storeCpu, WebhookReceiver receiver,
                                        BenchSettings settings, Progress progress) throws Exception {
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
        WarmUp warmUp;
        try (DispatchRig rig = DispatchRig.start(store, receiver)) {
            workers = rig.workers();
            try (BaselinePoster baseline = new BaselinePoster(receiver, workers)) {
                warmUp = warmUp(label, rig, baseline, loadedCount, settings, progress);
                for (int run = 1; run <= settings.runs(); run++) {
                    progress.say(NAME, label + ": run " + run + "/" + settings.runs() + ", " + loadedCount
                            + " referrals at once, then " + unloadedCount + " one at a time");
                    long cpuBefore = ProcessCpu.nanos() + storeCpu.nanos().getAsLong();
                    DispatchRun burst = rig.loaded(loadedCount);
                    cpu.add((ProcessCpu.nanos() + storeCpu.nanos().getAsLong() - cpuBefore) / 1e3 / loadedCount);
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
                + " workers); baseline with " + workers + " requests in flight; receiver answers 204 on its own loop;"
                + " both sides warmed up with " + warmUp.bursts() + " bursts, " + (warmUp.settled()
                ? "until the JIT compiled for less than " + Math.round(JIT_SETTLED * 100) + " % of one"
                : "the most allowed: the JIT still compiled for " + Math.round(JIT_SETTLED * 100) + " % or more of one");
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
                                + " receiver, JIT and GC)" + storeCpu.counted()
                                + " per referral; baseline: over its posts of the same requests"));
    }

    /** How many warm-up bursts ran, and whether the JIT had settled by the last. */
    private record WarmUp(int bursts, boolean settled) {
    }

    /**
     * The CPU time used so far by the store's own process, which the bench's own CPU time does not count (Redis),
     * and how the figure's note says so; nothing for a store in this process (SQLite).
     */
    private record StoreCpu(LongSupplier nanos, String counted) {
        static final StoreCpu IN_PROCESS = new StoreCpu(() -> 0L, "");
    }
}
