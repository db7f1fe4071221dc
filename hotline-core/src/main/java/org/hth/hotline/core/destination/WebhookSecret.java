package org.hth.hotline.core.destination;

import java.util.Base64;
import java.util.Objects;

import org.hth.hotline.core.config.Secret;

/**
 * A Standard Webhooks signing secret: {@code whsec_} followed by the base64 of the key (24 to 64 bytes).
 * Never shows itself: {@link #toString()} hides the key. Immutable and thread-safe.
 */
public final class WebhookSecret {
    public static final String PREFIX = "whsec_";
    private final Secret key;

    private WebhookSecret(Secret key) {
        this.key = key;
    }

    /**
     * Parses {@code whsec_<base64>}.
     *
     * @throws IllegalArgumentException naming the problem (never the value)
     */
    public static WebhookSecret parse(String text) {
        Objects.requireNonNull(text, "text");
        if (!text.startsWith(PREFIX)) {
            throw new IllegalArgumentException("must start with " + PREFIX);
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(text.substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("is not base64 after " + PREFIX);
        }
        if (bytes.length < 24 || bytes.length > 64) {
            throw new IllegalArgumentException("must hold 24 to 64 bytes of key, holds " + bytes.length);
        }
        return new WebhookSecret(Secret.key(bytes));
    }

    /** The key material, a fresh copy. */
    public byte[] key() {
        return key.bytes();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof WebhookSecret that && key.equals(that.key);
    }

    @Override
    public int hashCode() {
        return key.hashCode();
    }

    @Override
    public String toString() {
        return "WebhookSecret[***]";
    }
}
