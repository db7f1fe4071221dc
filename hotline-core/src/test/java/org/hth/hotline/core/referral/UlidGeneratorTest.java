package org.hth.hotline.core.referral;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.hth.hotline.core.testing.MutableClock;
import org.junit.jupiter.api.Test;

class UlidGeneratorTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-21T23:14:03Z"));
    private final UlidGenerator ids = new UlidGenerator(clock, new SecureRandom());

    @Test
    void idsAre26CrockfordCharactersStartingWithTheTime() {
        String id = ids.next();
        assertThat(id).hasSize(26).matches("[0-9A-HJKMNP-TV-Z]{26}");
        long millis = 0;
        for (char c : id.substring(0, 10).toCharArray()) {
            millis = millis * 32 + "0123456789ABCDEFGHJKMNPQRSTVWXYZ".indexOf(c);
        }
        assertThat(millis).isEqualTo(clock.millis());
    }

    @Test
    void idsIncreaseWithinOneMillisecondAndAcrossTime() {
        List<String> made = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            made.add(ids.next());
            if (i % 100 == 0) {
                clock.advance(Duration.ofMillis(1));
            }
        }
        assertThat(made).isSorted().doesNotHaveDuplicates();
    }
}
