package org.hth.hotline.core.privacy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals a caller's number kept for a callback with AES-256-GCM, and opens it again until it expires.
 *
 * <p>Format: {@code v1.<expiry, epoch seconds>.<base64url(iv ‖ ciphertext ‖ tag)>}: a random 96-bit IV per
 * seal, a 128-bit tag, and the {@code v1.<expiry>} prefix bound as associated data, so that neither the
 * version nor the expiry can be changed without the seal failing to open. After the expiry {@link #open}
 * gives nothing: the number is kept "only for a short time" even where a copy of the sealed text lingers.
 * Immutable and thread-safe (a {@link Cipher} is made per call).
 */
public final class NumberSealer {
    private static final String VERSION = "v1";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final int KEY_BYTES = 32;

    private final SecretKeySpec key;
    private final SecureRandom random;

    /** @param aes256Key exactly 32 bytes; copied */
    public NumberSealer(byte[] aes256Key) {
        this(aes256Key, new SecureRandom());
    }

    public NumberSealer(byte[] aes256Key, SecureRandom random) {
        if (aes256Key == null || aes256Key.length != KEY_BYTES) {
            throw new IllegalArgumentException("the sealing key must be 32 bytes (AES-256)");
        }
        this.key = new SecretKeySpec(aes256Key.clone(), "AES");
        this.random = random;
    }

    /** Seals a number (E.164) so that it opens until {@code expiresAt}. */
    public String seal(String number, Instant expiresAt) {
        String header = VERSION + "." + expiresAt.getEpochSecond();
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, iv, header);
            byte[] sealed = cipher.doFinal(number.getBytes(StandardCharsets.UTF_8));
            byte[] out = ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array();
            return header + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /**
     * The number sealed in {@code sealed}, or empty when it expired at or before {@code now}.
     *
     * @throws SealedNumberException when the text is not a seal of this key (malformed, altered, other key)
     */
    public Optional<String> open(String sealed, Instant now) {
        String[] parts = sealed == null ? new String[0] : sealed.split("\\.", -1);
        if (parts.length != 3 || !VERSION.equals(parts[0])) {
            throw new SealedNumberException("not a v1 sealed number");
        }
        long expiry;
        byte[] body;
        try {
            expiry = Long.parseLong(parts[1]);
            body = Base64.getUrlDecoder().decode(parts[2]);
        } catch (IllegalArgumentException e) {
            throw new SealedNumberException("malformed sealed number", e);
        }
        if (body.length <= IV_BYTES) {
            throw new SealedNumberException("sealed number too short");
        }
        if (!now.isBefore(Instant.ofEpochSecond(expiry))) {
            return Optional.empty();
        }
        try {
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, Arrays.copyOf(body, IV_BYTES), parts[0] + "." + parts[1]);
            byte[] clear = cipher.doFinal(body, IV_BYTES, body.length - IV_BYTES);
            return Optional.of(new String(clear, StandardCharsets.UTF_8));
        } catch (AEADBadTagException e) {
            throw new SealedNumberException("sealed number altered or sealed under another key", e);
        } catch (GeneralSecurityException e) {
            throw new SealedNumberException("sealed number cannot be opened", e);
        }
    }

    /**
     * When a sealed number stops opening, read from its authenticated header without opening it (to say whether a
     * callback is still possible); empty when the text is not a v1 seal.
     */
    public static Optional<Instant> expiresAt(String sealed) {
        String[] parts = sealed == null ? new String[0] : sealed.split("\\.", -1);
        if (parts.length != 3 || !VERSION.equals(parts[0])) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.ofEpochSecond(Long.parseLong(parts[1])));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private Cipher cipher(int mode, byte[] iv, String header) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, iv));
        cipher.updateAAD(header.getBytes(StandardCharsets.US_ASCII));
        return cipher;
    }

    @Override
    public String toString() {
        return "NumberSealer[AES-256-GCM, " + VERSION + "]";
    }
}
