package org.hth.hotline.ops.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.assertj.core.api.SoftAssertions;
import org.hth.hotline.core.call.CallRecord;
import org.hth.hotline.core.stats.CallStatistics;
import org.hth.hotline.core.stats.StatsPeriod;
import org.hth.hotline.core.stats.StatsReport;
import org.hth.hotline.core.stats.StatsService;
import org.hth.hotline.core.store.Store;
import org.hth.hotline.core.store.redis.RedisStore;
import org.hth.hotline.core.store.sqlite.SqliteStore;
import org.hth.hotline.core.testing.RedisExtension;
import org.hth.hotline.ops.bench.CallRecordGenerator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The statistics read from the stores' call rollup (whole UTC days) plus the log (the partial days at the ends)
 * equal, figure for figure, the statistics of walking every record of the period, on both stores: on the browser
 * tests' {@link YearOfCalls} and on the bench's {@link CallRecordGenerator}, over a local year, the weeks of both
 * DST changes in Rome, a period cut at odd instants, a period shorter than a UTC day, and zones whose offsets are
 * not Rome's (New York: other DST dates; Kolkata: half-hour offset, so every call is read from the log).
 */
class RollupStatisticsIT {
    private static final ZoneId ROME = YearOfCalls.ROME;
    private static final List<ZoneId> ZONES = List.of(ROME, ZoneId.of("America/New_York"), ZoneId.of("Asia/Kolkata"),
            ZoneOffset.UTC);
    private static final Instant GENERATED_END = Instant.parse("2026-11-20T13:47:12Z");

    @TempDir
    Path dir;

    @Test
    void onSqliteTheRollupGivesTheFiguresOfWalkingTheRecords() {
        try (Store store = SqliteStore.open(dir.resolve("hotline.db"), Clock.systemUTC())) {
            compareOn(store);
        }
    }

    /** On Redis, skipped when no test Redis is configured. */
    @Nested
    class OnRedis {
        @RegisterExtension
        final RedisExtension redis = new RedisExtension();

        @Test
        void theRollupGivesTheFiguresOfWalkingTheRecords() {
            try (Store store = RedisStore.open(redis.url(), Duration.ofSeconds(10), redis.keyPrefix(),
                    Clock.systemUTC())) {
                compareOn(store);
            }
        }
    }

    private static void compareOn(Store store) {
        List<CallRecord> calls = new ArrayList<>(new YearOfCalls(2025).calls);
        CallRecordGenerator generator = new CallRecordGenerator(11, GENERATED_END, 20_000);
        for (int i = 0; i < generator.count(); i++) {
            calls.add(generator.record(i));
        }
        for (int from = 0; from < calls.size(); from += 1_000) {
            store.calls().saveAll(calls.subList(from, Math.min(calls.size(), from + 1_000)));
        }
        List<StatsPeriod> periods = List.of(
                new StatsPeriod(YearOfCalls.from(), YearOfCalls.to()),
                local(LocalDate.of(2025, 3, 27), LocalDate.of(2025, 4, 3)),
                local(LocalDate.of(2025, 10, 23), LocalDate.of(2025, 10, 30)),
                new StatsPeriod(Instant.parse("2025-06-03T10:17:23.456Z"), Instant.parse("2025-08-19T03:05:00Z")),
                new StatsPeriod(Instant.parse("2025-05-05T08:00:00Z"), Instant.parse("2025-05-06T07:00:00Z")),
                new StatsPeriod(generator.start(), generator.end()),
                local(LocalDate.of(2025, 12, 1), LocalDate.of(2026, 11, 21)));
        SoftAssertions softly = new SoftAssertions();
        for (ZoneId zone : ZONES) {
            StatsService service = new StatsService(store, zone);
            for (StatsPeriod period : periods) {
                StatsReport walked = walk(calls, period, zone);
                softly.assertThat(service.compute(period)).as("%s in %s", period, zone).isEqualTo(walked);
                softly.assertThat(walked.calls()).as("calls in %s", period).isPositive();
            }
        }
        softly.assertAll();
        assertThat(calls).hasSizeGreaterThan(20_000);
    }

    private static StatsPeriod local(LocalDate first, LocalDate end) {
        return new StatsPeriod(first.atStartOfDay(ROME).toInstant(), end.atStartOfDay(ROME).toInstant());
    }

    /** The reference: every record of the period, one by one, as the statistics were computed before the rollup. */
    private static StatsReport walk(List<CallRecord> calls, StatsPeriod period, ZoneId zone) {
        CallStatistics stats = new CallStatistics(period, zone);
        calls.forEach(stats::add);
        return stats.report();
    }
}
