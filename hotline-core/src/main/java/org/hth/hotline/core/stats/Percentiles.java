package org.hth.hotline.core.stats;

import java.util.Arrays;
import java.util.Map;
import java.util.OptionalLong;
import java.util.SortedMap;

/**
 * Nearest-rank percentiles: the p-th percentile of n sorted values is the value of rank {@code ceil(p/100 × n)}
 * (1-based), always one of the values themselves, so a reader can check it by counting. The median is the
 * 50th percentile in this sense (the lower middle value when n is even). Stateless.
 */
public final class Percentiles {
    private Percentiles() {
    }

    /** The nearest-rank percentile {@code p} (1..100) of the values; empty when there are none. */
    public static OptionalLong of(long[] values, int p) {
        if (p < 1 || p > 100) {
            throw new IllegalArgumentException("percentile must be 1..100, was " + p);
        }
        if (values.length == 0) {
            return OptionalLong.empty();
        }
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return OptionalLong.of(sorted[Math.max(rank, 1) - 1]);
    }

    /**
     * The nearest-rank percentile {@code p} (1..100) of values given as a histogram (value, how many times), the
     * same as {@link #of} on the values written out; empty when there are none.
     */
    public static OptionalLong ofCounts(SortedMap<Long, Long> histogram, int p) {
        if (p < 1 || p > 100) {
            throw new IllegalArgumentException("percentile must be 1..100, was " + p);
        }
        long n = histogram.values().stream().mapToLong(Long::longValue).sum();
        if (n == 0) {
            return OptionalLong.empty();
        }
        long rank = Math.max(1, (long) Math.ceil(p / 100.0 * n));
        long seen = 0;
        for (Map.Entry<Long, Long> value : histogram.entrySet()) {
            seen += value.getValue();
            if (seen >= rank) {
                return OptionalLong.of(value.getKey());
            }
        }
        return OptionalLong.of(histogram.lastKey());
    }
}
