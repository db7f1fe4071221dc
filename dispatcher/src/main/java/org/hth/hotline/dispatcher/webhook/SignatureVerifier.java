package org.hth.hotline.dispatcher.webhook;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import org.hth.hotline.core.destination.WebhookSecret;

/**
 * Checks a signed request the way a Standard Webhooks receiver does: the timestamp within the tolerance
 * of now, and any {@code v1,} signature in the header equal (in constant time) to the HMAC of
 * {@code id.timestamp.body} under any of the given secrets. Stateless and thread-safe.
 */
public final class SignatureVerifier {
    private final Duration tolerance;

    public SignatureVerifier(Duration tolerance) {
        this.tolerance = tolerance;
    }

    /** The outcome of a check. */
    public enum Result { VALID, MISSING_HEADERS, STALE_TIMESTAMP, BAD_SIGNATURE }

    public Result verify(Optional<String> id, Optional<String> timestamp, Optional<String> signatures, String body,
                         List<WebhookSecret> secrets, Instant now) {
        if (id.isEmpty() || timestamp.isEmpty() || signatures.isEmpty()) {
            return Result.MISSING_HEADERS;
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp.get().trim());
        } catch (NumberFormatException e) {
            return Result.STALE_TIMESTAMP;
        }
        if (Duration.between(Instant.ofEpochSecond(seconds), now).abs().compareTo(tolerance) > 0) {
            return Result.STALE_TIMESTAMP;
        }
        String content = id.get() + "." + seconds + "." + body;
        for (WebhookSecret secret : secrets) {
            byte[] expected = WebhookSigner.mac(secret, content);
            for (String part : signatures.get().trim().split(" +")) {
                if (part.startsWith("v1,") && MessageDigest.isEqual(expected, decode(part.substring(3)))) {
                    return Result.VALID;
                }
            }
        }
        return Result.BAD_SIGNATURE;
    }

    private static byte[] decode(String base64) {
        try {
            return Base64.getDecoder().decode(base64.getBytes(StandardCharsets.US_ASCII));
        } catch (IllegalArgumentException e) {
            return new byte[0];
        }
    }
}
