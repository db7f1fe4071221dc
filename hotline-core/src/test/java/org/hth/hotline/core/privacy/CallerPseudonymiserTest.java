package org.hth.hotline.core.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class CallerPseudonymiserTest {
    private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    @Test
    void everyFormOfOneNumberHasOnePseudonym() {
        CallerPseudonymiser pseudonymiser = new CallerPseudonymiser(KEY);
        String pseudonym = pseudonymiser.pseudonymOf("3331234567").orElseThrow();
        assertThat(pseudonymiser.pseudonymOf("+39 333 123 4567")).contains(pseudonym);
        assertThat(pseudonymiser.pseudonymOf("0039-333-1234567")).contains(pseudonym);
    }

    @Test
    void pseudonymIsStableAcrossInstancesAndIsBase64UrlWithoutPadding() {
        String first = new CallerPseudonymiser(KEY).pseudonymOfNormalised("+393331234567");
        String second = new CallerPseudonymiser(KEY.clone()).pseudonymOfNormalised("+393331234567");
        assertThat(first).isEqualTo(second).hasSize(43).matches("[A-Za-z0-9_-]+").doesNotContain("3331234567");
    }

    @Test
    void pseudonymIsTheKnownHmacOfTheNormalisedNumber() {
        // HMAC-SHA-256("+393331234567") under KEY, computed independently with openssl
        assertThat(new CallerPseudonymiser(KEY).pseudonymOfNormalised("+393331234567"))
                .isEqualTo("pBHPeXQDCmE_DGC-zoiUOfFdfLxWsIT25VdMgeINhyo");
    }

    @Test
    void anotherKeyGivesAnotherPseudonym() {
        byte[] other = KEY.clone();
        other[0] ^= 1;
        assertThat(new CallerPseudonymiser(other).pseudonymOfNormalised("+393331234567"))
                .isNotEqualTo(new CallerPseudonymiser(KEY).pseudonymOfNormalised("+393331234567"));
    }

    @Test
    void withheldCallerHasNoPseudonym() {
        assertThat(new CallerPseudonymiser(KEY).pseudonymOf("anonymous")).isEmpty();
    }

    @Test
    void shortKeyIsRefused() {
        assertThatThrownBy(() -> new CallerPseudonymiser(new byte[16])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void toStringShowsNeitherKeyNorNumber() {
        CallerPseudonymiser pseudonymiser = new CallerPseudonymiser(KEY);
        pseudonymiser.pseudonymOf("3331234567");
        assertThat(pseudonymiser.toString()).doesNotContain("0123456789abcdef").doesNotContain("3331234567");
    }
}
