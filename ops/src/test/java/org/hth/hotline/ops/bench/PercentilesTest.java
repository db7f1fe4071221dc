package org.hth.hotline.ops.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class PercentilesTest {

    @Test
    void nearestRankPicksAMeasuredSample() {
        double[] samples = new double[100];
        for (int i = 0; i < 100; i++) {
            samples[i] = 100 - i;
        }
        Percentiles p = Percentiles.of(samples);

        assertThat(p.at(50)).isEqualTo(50);
        assertThat(p.at(99)).isEqualTo(99);
        assertThat(p.at(100)).isEqualTo(100);
        assertThat(p.at(0.5)).isEqualTo(1);
    }

    @Test
    void aSmallSampleRoundsTheRankUp() {
        Percentiles p = Percentiles.of(new double[] {15, 20, 35, 40, 50});

        assertThat(p.at(30)).isEqualTo(20);
        assertThat(p.at(40)).isEqualTo(20);
        assertThat(p.median()).isEqualTo(35);
        assertThat(p.at(99)).isEqualTo(50);
        assertThat(p.min()).isEqualTo(15);
        assertThat(p.max()).isEqualTo(50);
    }

    @Test
    void nanosAreReportedInMillis() {
        assertThat(Percentiles.ofNanosAsMillis(new long[] {1_500_000, 2_500_000}).at(100)).isEqualTo(2.5);
    }

    @Test
    void noSamplesOrAPercentileOutOfRangeIsRefused() {
        assertThatThrownBy(() -> Percentiles.of(new double[0])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Percentiles.of(new double[] {1}).at(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Percentiles.of(new double[] {1}).at(101)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theSpreadOfRunsIsTheirMedianLowestAndHighest() {
        Spread spread = Spread.of(List.of(12.0, 10.0, 11.0));

        assertThat(spread).isEqualTo(new Spread(11.0, 10.0, 12.0, 3));
        assertThat(spread.relativeSpread()).isEqualTo(2.0 / 11.0);
    }
}
