package org.hth.hotline.core.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

class NumberSealerTest {
    private static final Instant NOW = Instant.parse("2026-11-21T23:00:00Z");
    private static final Instant EXPIRY = NOW.plus(Duration.ofDays(2));

    private static byte[] key(int fill) {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) fill);
        return key;
    }

    @Test
    void sealedNumberOpensBeforeItsExpiry() {
        NumberSealer sealer = new NumberSealer(key(7));
        String sealed = sealer.seal("+393331234567", EXPIRY);
        assertThat(sealed).startsWith("v1." + EXPIRY.getEpochSecond() + ".").doesNotContain("3331234567");
        assertThat(sealer.open(sealed, NOW)).contains("+393331234567");
    }

    @Test
    void sealedNumberDoesNotOpenFromItsExpiryOn() {
        NumberSealer sealer = new NumberSealer(key(7));
        String sealed = sealer.seal("+393331234567", EXPIRY);
        assertThat(sealer.open(sealed, EXPIRY)).isEmpty();
        assertThat(sealer.open(sealed, EXPIRY.plusSeconds(1))).isEmpty();
    }

    @Test
    void everySealUsesAFreshIv() {
        NumberSealer sealer = new NumberSealer(key(7));
        assertThat(sealer.seal("+393331234567", EXPIRY)).isNotEqualTo(sealer.seal("+393331234567", EXPIRY));
    }

    @Test
    void movingTheExpiryBreaksTheSeal() {
        NumberSealer sealer = new NumberSealer(key(7));
        String sealed = sealer.seal("+393331234567", EXPIRY);
        String extended = sealed.replace("v1." + EXPIRY.getEpochSecond(), "v1." + EXPIRY.plusSeconds(86_400).getEpochSecond());
        assertThatThrownBy(() -> sealer.open(extended, NOW)).isInstanceOf(SealedNumberException.class);
    }

    @Test
    void anotherKeyCannotOpen() {
        String sealed = new NumberSealer(key(7)).seal("+393331234567", EXPIRY);
        assertThatThrownBy(() -> new NumberSealer(key(8)).open(sealed, NOW)).isInstanceOf(SealedNumberException.class)
                .hasMessageNotContaining("3331234567");
    }

    @Test
    void malformedTextIsRefused() {
        NumberSealer sealer = new NumberSealer(key(7));
        for (String bad : new String[] {"", "v2.1.AAAA", "v1.x.AAAA", "v1.1.%%%", "v1.1.AAAA", "v1.99999999999"}) {
            assertThatThrownBy(() -> sealer.open(bad, NOW)).isInstanceOf(SealedNumberException.class);
        }
    }

    @Test
    void keyMustBe256Bits() {
        assertThatThrownBy(() -> new NumberSealer(new byte[16])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void toStringShowsNoKeyAndNoNumber() {
        NumberSealer sealer = new NumberSealer(key(0x41));
        sealer.seal("+393331234567", EXPIRY);
        assertThat(sealer.toString()).doesNotContain("AAAA").doesNotContain("3331234567");
    }
}
