package org.hth.hotline.core.privacy;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The caller's pseudonym: HMAC-SHA-256 of the {@linkplain PhoneNumbers#normalise normalised} number under a
 * secret key, written in base64url without padding (43 characters). The same number gives the same pseudonym
 * across restarts as long as the key stays the same; without the key it cannot be turned back into a number.
 * Immutable and thread-safe (a {@link Mac} is made per call).
 */
public final class CallerPseudonymiser {
    private static final String ALGORITHM = "HmacSHA256";
    /** The shortest key accepted, in bytes. */
    public static final int MIN_KEY_BYTES = 32;

    private final byte[] key;

    /** @param key the secret, at least {@value #MIN_KEY_BYTES} bytes; copied */
    public CallerPseudonymiser(byte[] key) {
        if (key == null || key.length < MIN_KEY_BYTES) {
            throw new IllegalArgumentException("the pseudonym key must have at least " + MIN_KEY_BYTES + " bytes");
        }
        this.key = key.clone();
    }

    /** The pseudonym of a caller ID in any form {@link PhoneNumbers} understands; empty when withheld. */
    public Optional<String> pseudonymOf(String callerId) {
        return PhoneNumbers.normalise(callerId).map(this::pseudonymOfNormalised);
    }

    /** The pseudonym of a number already in E.164. */
    public String pseudonymOfNormalised(String e164) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(key, ALGORITHM));
            byte[] digest = mac.doFinal(e164.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA-256 is not available", e);
        }
    }

    @Override
    public String toString() {
        return "CallerPseudonymiser[HMAC-SHA-256, key " + key.length + " bytes, fingerprint hidden]";
    }
}
