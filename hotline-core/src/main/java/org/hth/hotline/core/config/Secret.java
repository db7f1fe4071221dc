package org.hth.hotline.core.config;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Objects;

/**
 * A secret value (a password or key) that never shows itself in logs: {@link #toString()} is {@code Secret[***]}.
 * A text secret's {@link #bytes()} are its UTF-8 encoding; a key's {@link #value()} is its base64 text and its
 * {@link #bytes()} the decoded key material. Immutable; accessors return copies.
 */
public final class Secret {
    private final String value;
    private final byte[] bytes;

    private Secret(String value, byte[] bytes) {
        this.value = value;
        this.bytes = bytes;
    }

    /** A text secret such as the AMI password. */
    public static Secret text(String value) {
        Objects.requireNonNull(value, "value");
        return new Secret(value, value.getBytes(StandardCharsets.UTF_8));
    }

    /** A binary key; its {@link #value()} is the standard base64 encoding. */
    public static Secret key(byte[] keyBytes) {
        Objects.requireNonNull(keyBytes, "keyBytes");
        return new Secret(Base64.getEncoder().encodeToString(keyBytes), keyBytes.clone());
    }

    /** The secret as text: the password itself, or a key's base64 encoding. */
    public String value() {
        return value;
    }

    /** The secret's bytes: UTF-8 of a text secret, or a key's decoded material. A fresh copy on every call. */
    public byte[] bytes() {
        return bytes.clone();
    }

    /** Length in bytes of {@link #bytes()}. */
    public int length() {
        return bytes.length;
    }

    /** Compares in constant time. */
    @Override
    public boolean equals(Object other) {
        return other instanceof Secret that && MessageDigest.isEqual(bytes, that.bytes) && value.equals(that.value);
    }

    /** Deliberately weak (the length only), so a hash never reveals the value. */
    @Override
    public int hashCode() {
        return bytes.length;
    }

    @Override
    public String toString() {
        return "Secret[***]";
    }
}
