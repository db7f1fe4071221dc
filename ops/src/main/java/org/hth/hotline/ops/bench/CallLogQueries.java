package org.hth.hotline.ops.bench;

import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.IntFunction;

import org.hth.hotline.core.call.CallOutcome;
import org.hth.hotline.core.call.CallQuery;
import org.hth.hotline.core.call.CallRecord;
import org.hth.hotline.core.referral.Territory;
import org.hth.hotline.core.store.CallStore;
import org.hth.hotline.core.store.Page;

/**
 * The coordinator's call-log queries, timed: the newest page of 50, a page of 50 under a filter (outcome,
 * language, territory, operator, or the last month with a language), a page after a cursor anywhere in the log
 * (keyset paging deep into it), and the year's count by outcome. There is no statistics API in the store yet,
 * so the count pages through {@link CallStore#query} 500 records at a time. Runs on the caller's thread.
 */
final class CallLogQueries {
    private static final int PAGE = 50;

    private final CallStore store;
    private final CallRecordGenerator generator;
    private final SplittableRandom random = new SplittableRandom(7);

    CallLogQueries(CallStore store, CallRecordGenerator generator) {
        this.store = store;
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

    /** Seconds to count the year's calls by outcome by paging through the log; checks the total. */
    double yearCountSeconds() {
        long start = System.nanoTime();
        Map<CallOutcome, Long> counts = new EnumMap<>(CallOutcome.class);
        CallQuery query = CallQuery.all(CallQuery.MAX_LIMIT).between(generator.start(), generator.end());
        long total = 0;
        while (true) {
            Page<CallRecord> page = store.query(query);
            for (CallRecord call : page.items()) {
                counts.merge(call.outcome(), 1L, Long::sum);
                total++;
            }
            Optional<String> next = page.next();
            if (next.isEmpty()) {
                break;
            }
            query = query.after(next.get());
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (total != generator.count()) {
            throw new IllegalStateException("the year's count found " + total + " calls of " + generator.count());
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
