package org.hth.hotline.core.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.OptionalLong;
import java.util.SplittableRandom;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

class PercentilesTest {

    @Test
    void nearestRankOfAFewValuesCountedByHand() {
        long[] waits = {40, 10, 20, 30};
        TreeMap<Long, Long> histogram = new TreeMap<>();
        for (long w : waits) {
            histogram.merge(w, 1L, Long::sum);
        }

        // sorted 10 20 30 40: rank ceil(0.5 × 4) = 2 → 20; ceil(0.9 × 4) = 4 → 40; ceil(0.25 × 4) = 1 → 10
        assertThat(Percentiles.of(waits, 50)).hasValue(20);
        assertThat(Percentiles.ofCounts(histogram, 50)).hasValue(20);
        assertThat(Percentiles.ofCounts(histogram, 90)).hasValue(40);
        assertThat(Percentiles.ofCounts(histogram, 25)).hasValue(10);
        assertThat(Percentiles.ofCounts(new TreeMap<>(), 50)).isEqualTo(OptionalLong.empty());
        assertThatThrownBy(() -> Percentiles.ofCounts(histogram, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aHistogramGivesTheSamePercentilesAsItsValuesWrittenOut() {
        SplittableRandom random = new SplittableRandom(3);
        for (int round = 0; round < 200; round++) {
            long[] values = new long[1 + random.nextInt(300)];
            TreeMap<Long, Long> histogram = new TreeMap<>();
            for (int i = 0; i < values.length; i++) {
                values[i] = random.nextInt(90);
                histogram.merge(values[i], 1L, Long::sum);
            }
            for (int p = 1; p <= 100; p++) {
                assertThat(Percentiles.ofCounts(histogram, p)).as("p%d of %d values", p, values.length)
                        .isEqualTo(Percentiles.of(values, p));
            }
        }
    }
}
