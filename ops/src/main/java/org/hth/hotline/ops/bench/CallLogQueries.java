package org.hth.hotline.ops.bench;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.IntFunction;

import org.hth.hotline.core.call.CallOutcome;
import org.hth.hotline.core.call.CallQuery;
import org.hth.hotline.core.call.CallRecord;
import org.hth.hotline.core.referral.Territory;
import org.hth.hotline.core.stats.StatsPeriod;
import org.hth.hotline.core.stats.StatsReport;
import org.hth.hotline.core.stats.StatsService;
import org.hth.hotline.core.store.CallStore;
import org.hth.hotline.core.store.Page;
import org.hth.hotline.core.store.Store;

/**
 * The coordinator's call-log queries, timed: the newest page of 50, a page of 50 under a filter (outcome,
 * language, territory, operator, or the last month with a language), a page after a cursor anywhere in the log
 * (keyset paging deep into it), and the statistics of the generator's whole year as the coordinator's statistics
 * page computes them ({@link StatsService#compute}, in {@value #ZONE}: the store's call rollup for the whole UTC
 * days, the call log for the partial days at both ends). Runs on the caller's thread.
 */
final class CallLogQueries {
    private static final int PAGE = 50;
    static final String ZONE = "Europe/Rome";

    private final CallStore store;
    private final StatsService stats;
    private final CallRecordGenerator generator;
    private final SplittableRandom random = new SplittableRandom(7);

    CallLogQueries(Store store, CallRecordGenerator generator) {
        this.store = store.calls();
        this.stats = new StatsService(store, ZoneId.of(ZONE));
        this.generator = generator;
    }

    /** p99 in ms of {@code n} newest-first first pages. */
    double newestP99(int n) {
        return p99(n, i -> CallQuery.all(PAGE));
    }

    /** p99 in ms of {@code n} filtered first pages, the filters taken in turn. */
    double filteredP99(int n) {
        List<CallQuery> filters = List.of(
                CallQuery.all(PAGE).withOutcome(CallOutcome.ABANDONED),
                CallQuery.all(PAGE).withLanguage("ro"),
                CallQuery.all(PAGE).withTerritory(Territory.ASL5),
                CallQuery.all(PAGE).withOperator("op-marta"),
                CallQuery.all(PAGE).between(generator.end().minus(Duration.ofDays(30)), generator.end())
                        .withLanguage("ar"));
        return p99(n, i -> filters.get(i % filters.size()));
    }

    /** p99 in ms of {@code n} pages after a cursor drawn anywhere in the log. */
    double deepP99(int n) {
        return p99(n, i -> CallQuery.all(PAGE).after(generator.record(random.nextInt(generator.count())).callId()));
    }

    /** Seconds to compute the statistics of the generator's year; checks that they count every call. */
    double yearStatisticsSeconds() {
        long start = System.nanoTime();
        StatsReport report = stats.compute(new StatsPeriod(generator.start(), generator.end()));
        double seconds = (System.nanoTime() - start) / 1e9;
        if (report.calls() != generator.count()) {
            throw new IllegalStateException("the year's statistics count " + report.calls() + " calls of "
                    + generator.count());
        }
        return seconds;
    }

    private double p99(int n, IntFunction<CallQuery> queries) {
        long[] nanos = new long[n];
        for (int i = 0; i < n; i++) {
            CallQuery query = queries.apply(i);
            long start = System.nanoTime();
            Page<CallRecord> page = store.query(query);
            nanos[i] = System.nanoTime() - start;
            if (page.items().isEmpty() && query.after().isEmpty()) {
                throw new IllegalStateException("an empty page for " + query);
            }
        }
        return Percentiles.ofNanosAsMillis(nanos).at(99);
    }
}
