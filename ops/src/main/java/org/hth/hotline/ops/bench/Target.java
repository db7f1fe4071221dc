package org.hth.hotline.ops.bench;

import java.util.Optional;

/** What a figure should reach. Immutable. */
public sealed interface Target {

    /** Whether the figure's median meets the target, given the baseline's median when there is one. */
    boolean met(double value, Optional<Double> baseline);

    /** The target as printed, e.g. {@code ≤ 100 ms}. */
    String describe(String unit);

    /** A figure that has no target (shown for information). */
    record None() implements Target {
        @Override
        public boolean met(double value, Optional<Double> baseline) {
            return true;
        }

        @Override
        public String describe(String unit) {
            return "-";
        }
    }

    /** At most {@code limit}. */
    record AtMost(double limit) implements Target {
        @Override
        public boolean met(double value, Optional<Double> baseline) {
            return value <= limit;
        }

        @Override
        public String describe(String unit) {
            return "<= " + Numbers.format(limit) + unitSuffix(unit);
        }
    }

    /** At least {@code limit}. */
    record AtLeast(double limit) implements Target {
        @Override
        public boolean met(double value, Optional<Double> baseline) {
            return value >= limit;
        }

        @Override
        public String describe(String unit) {
            return ">= " + Numbers.format(limit) + unitSuffix(unit);
        }
    }

    /** At most {@code margin} above the baseline (a baseline is required). */
    record WithinOfBaseline(double margin) implements Target {
        @Override
        public boolean met(double value, Optional<Double> baseline) {
            return baseline.isPresent() && value - baseline.get() <= margin;
        }

        @Override
        public String describe(String unit) {
            return "<= baseline + " + Numbers.format(margin) + unitSuffix(unit);
        }
    }

    /** At least {@code fraction} of the baseline and at least {@code floor}. */
    record ShareOfBaselineAndFloor(double fraction, double floor) implements Target {
        @Override
        public boolean met(double value, Optional<Double> baseline) {
            return baseline.isPresent() && value >= fraction * baseline.get() && value >= floor;
        }

        @Override
        public String describe(String unit) {
            String share = ">= " + Math.round(fraction * 100) + " % of baseline";
            return floor <= 0 ? share : share + " and >= " + Numbers.format(floor) + unitSuffix(unit);
        }
    }

    private static String unitSuffix(String unit) {
        return unit.isEmpty() ? "" : " " + unit;
    }
}
