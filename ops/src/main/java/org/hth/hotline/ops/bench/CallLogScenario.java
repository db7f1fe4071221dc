package org.hth.hotline.ops.bench;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.hth.hotline.core.store.Store;
import org.hth.hotline.core.store.redis.RedisStore;
import org.hth.hotline.core.store.sqlite.SqliteStore;

/**
 * {@code calllog}: the call-log queries on a year of generated records (1,000,000; {@code --quick} 100,000), on
 * SQLite and, when {@code HOTLINE_BENCH_REDIS_URL} is set, on Redis (under a fresh key prefix, deleted after).
 * Absolute figures: page p99 &lt;= 100 ms, the year's statistics &lt;= 1 s. The load time is reported apart.
 */
final class CallLogScenario implements Scenario {
    private static final String NAME = "calllog";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Figure> run(BenchSettings settings, Progress progress) throws Exception {
        CallRecordGenerator generator = new CallRecordGenerator(42, Clock.systemUTC().instant(), settings.records());
        List<Figure> figures = new ArrayList<>();
        try (Store sqlite = SqliteStore.open(settings.workDir().resolve("calllog.db"), Clock.systemUTC())) {
            figures.addAll(measure("sqlite", sqlite, generator, settings, progress));
        }
        if (settings.redisUrl().isPresent()) {
            URI url = settings.redisUrl().get();
            String prefix = "hotline-bench:" + UUID.randomUUID() + ":";
            try (Store redis = RedisStore.open(url, Duration.ofSeconds(10), prefix, Clock.systemUTC())) {
                figures.addAll(measure("redis", redis, generator, settings, progress));
            } finally {
                RedisKeys.deleteByPrefix(url, prefix);
            }
        } else {
            String reason = "HOTLINE_BENCH_REDIS_URL is not set";
            figures.add(Figure.unavailable(NAME, "redis page p99 (newest, filtered, deep)", "ms",
                    java.util.Optional.empty(), new Target.AtMost(100), reason));
            figures.add(Figure.unavailable(NAME, "redis year statistics", "s", java.util.Optional.empty(),
                    new Target.AtMost(1), reason));
        }
        return figures;
    }

    private static List<Figure> measure(String store, Store target, CallRecordGenerator generator,
                                        BenchSettings settings, Progress progress) throws Exception {
        progress.say(NAME, store + ": loading " + generator.count() + " records through CallStore.saveAll");
        double loadRate = BulkLoader.load(target.calls(), generator, progress, store);
        CallLogQueries queries = new CallLogQueries(target, generator);
        int n = settings.quick() ? 100 : 200;
        progress.say(NAME, store + ": warm-up");
        queries.newestP99(n);
        queries.filteredP99(n);
        queries.deepP99(n);
        queries.yearStatisticsSeconds();
        List<Double> newest = new ArrayList<>();
        List<Double> filtered = new ArrayList<>();
        List<Double> deep = new ArrayList<>();
        List<Double> year = new ArrayList<>();
        for (int run = 1; run <= settings.runs(); run++) {
            progress.say(NAME, store + ": run " + run + "/" + settings.runs());
            newest.add(queries.newestP99(n));
            filtered.add(queries.filteredP99(n));
            deep.add(queries.deepP99(n));
            year.add(queries.yearStatisticsSeconds());
        }
        String size = String.format(java.util.Locale.ROOT, "%,d records", generator.count());
        return List.of(
                Figure.measured(NAME, store + " load (CallStore.saveAll, 4 threads)", "records/s", List.of(loadRate),
                        new Target.None(), "batches of " + BulkLoader.BATCH + " records; " + size),
                Figure.measured(NAME, store + " page newest p99", "ms", newest, new Target.AtMost(100),
                        n + " pages of 50 per run, " + size),
                Figure.measured(NAME, store + " page filtered p99", "ms", filtered, new Target.AtMost(100),
                        "outcome / language / territory / operator / last month + language, in turn"),
                Figure.measured(NAME, store + " page deep p99", "ms", deep, new Target.AtMost(100),
                        "keyset page after a cursor drawn anywhere in the log"),
                Figure.measured(NAME, store + " year statistics", "s", year, new Target.AtMost(1),
                        "StatsService.compute of the 365 days, " + CallLogQueries.ZONE
                                + ": call rollup for whole UTC days + log for the 2 partial days"));
    }
}
