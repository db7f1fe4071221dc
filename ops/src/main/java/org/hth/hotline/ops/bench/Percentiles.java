package org.hth.hotline.ops.bench;

import java.util.Arrays;

/**
 * Percentiles by the nearest-rank method: the p-th percentile of n sorted samples is the sample at rank
 * {@code ceil(p / 100 * n)} (1-based), so every percentile is a value that was really measured. Pure.
 */
public final class Percentiles {
    private final double[] sorted;

    private Percentiles(double[] sorted) {
        this.sorted = sorted;
    }

    /** Sorts a copy of the samples; at least one is needed. */
    public static Percentiles of(double[] samples) {
        if (samples.length == 0) {
            throw new IllegalArgumentException("no samples");
        }
        double[] copy = samples.clone();
        Arrays.sort(copy);
        return new Percentiles(copy);
    }

    /** Nanosecond samples, as milliseconds. */
    public static Percentiles ofNanosAsMillis(long[] nanos) {
        double[] millis = new double[nanos.length];
        for (int i = 0; i < nanos.length; i++) {
            millis[i] = nanos[i] / 1_000_000.0;
        }
        return of(millis);
    }

    /** The p-th percentile, 0 &lt; p &lt;= 100. */
    public double at(double p) {
        if (!(p > 0) || p > 100) {
            throw new IllegalArgumentException("percentile must be in (0, 100]: " + p);
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(rank, 1) - 1];
    }

    public double median() {
        return at(50);
    }

    public double min() {
        return sorted[0];
    }

    public double max() {
        return sorted[sorted.length - 1];
    }

    public int count() {
        return sorted.length;
    }
}
