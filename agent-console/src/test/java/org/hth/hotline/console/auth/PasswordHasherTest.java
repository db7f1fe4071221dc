package org.hth.hotline.console.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {
    private final PasswordHasher hasher = new PasswordHasher(1024, 1, 1, new SecureRandom());

    @Test
    void theRightPasswordVerifiesAndAWrongOneDoesNot() {
        String stored = hasher.hash("correct horse battery".toCharArray());

        assertThat(stored).startsWith("$argon2id$v=19$m=1024,t=1,p=1$").doesNotContain("correct");
        assertThat(hasher.verify("correct horse battery".toCharArray(), stored)).isTrue();
        assertThat(hasher.verify("correct horse batterY".toCharArray(), stored)).isFalse();
    }

    @Test
    void theSamePasswordHashesDifferentlyEachTime() {
        assertThat(hasher.hash("same".toCharArray())).isNotEqualTo(hasher.hash("same".toCharArray()));
    }

    @Test
    void aHashWithOtherParametersStillVerifies() {
        String stored = new PasswordHasher(2048, 2, 1, new SecureRandom()).hash("pw".toCharArray());
        assertThat(hasher.verify("pw".toCharArray(), stored)).isTrue();
    }

    @Test
    void aStringThatIsNotAnArgon2idHashNeverVerifies() {
        assertThat(hasher.verify("pw".toCharArray(), "plain")).isFalse();
        assertThat(hasher.verify("pw".toCharArray(), "$2a$10$abcdefghijklmnopqrstuv")).isFalse();
    }
}
