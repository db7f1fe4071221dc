package org.hth.hotline.core.store.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** {@link IsoInstants} writes and reads exactly what {@link Instant#toString()} and {@link Instant#parse} do. */
class IsoInstantsTest {
    @Test
    void formatsAndParsesLikeTheJdkForInstantsOfEveryPrecision() {
        SplittableRandom random = new SplittableRandom(7);
        long min = Instant.parse("0001-01-01T00:00:00Z").getEpochSecond();
        long max = Instant.parse("+12000-01-01T00:00:00Z").getEpochSecond();
        for (int i = 0; i < 20_000; i++) {
            long seconds = random.nextLong(min, max);
            int nano = switch (i % 4) {
                case 0 -> 0;
                case 1 -> random.nextInt(1_000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1_000;
                default -> random.nextInt(1_000_000_000);
            };
            Instant at = Instant.ofEpochSecond(seconds, nano);

            assertThat(IsoInstants.format(at)).isEqualTo(at.toString());
            assertThat(IsoInstants.parse(at.toString())).isEqualTo(at);
        }
    }

    @Test
    void readsTheEdgesAndOtherShapesLikeTheJdk() {
        for (String text : List.of("1970-01-01T00:00:00Z", "1000-01-01T00:00:00Z", "9999-12-31T23:59:59.999999999Z",
                "2024-02-29T12:00:00.5Z", "2026-11-22T05:00:00.12Z", "0999-12-31T23:59:59Z", "+10000-01-01T00:00:00Z",
                "2026-12-31T23:59:60Z", "2026-11-22t05:00:00z", "2026-11-22T05:00:00+01:00", "2026-11-22T05:00:00.Z",
                "2026-11-22T24:00:00Z")) {
            assertThat(IsoInstants.parse(text)).as(text).isEqualTo(Instant.parse(text));
        }
    }

    @Test
    void refusesWhatTheJdkRefuses() {
        for (String text : List.of("2026-02-30T00:00:00Z", "2026-13-01T00:00:00Z", "2026-11-22T24:00:01Z",
                "2026-11-22T05:00:00.1234567890Z", "2026-11-22 05:00:00Z", "x026-11-22T05:00:00Z")) {
            assertThatThrownBy(() -> IsoInstants.parse(text)).as(text).isInstanceOf(DateTimeParseException.class);
        }
    }
}
