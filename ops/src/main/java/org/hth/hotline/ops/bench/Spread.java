package org.hth.hotline.ops.bench;

import java.util.List;

/**
 * What several runs of one figure gave: the median of the runs, the lowest and the highest, and how many.
 *
 * @param median the median of the runs (nearest rank)
 * @param min    the lowest run
 * @param max    the highest run
 * @param runs   how many runs
 */
public record Spread(double median, double min, double max, int runs) {

    /** Summarises the values of the runs; at least one. */
    public static Spread of(List<Double> values) {
        Percentiles p = Percentiles.of(values.stream().mapToDouble(Double::doubleValue).toArray());
        return new Spread(p.median(), p.min(), p.max(), p.count());
    }

    /** (max - min) / median, as a fraction; 0 when the median is 0. */
    public double relativeSpread() {
        return median == 0 ? 0 : (max - min) / Math.abs(median);
    }
}
