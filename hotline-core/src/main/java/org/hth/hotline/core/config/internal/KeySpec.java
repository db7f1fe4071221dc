package org.hth.hotline.core.config.internal;

import java.nio.file.Path;

/** The two data-protection keys: where each comes from and what it must look like. */
public enum KeySpec {
    PSEUDONYM("secrets.pseudonymKey", "HOTLINE_PSEUDONYM_KEY", "secrets.pseudonymKeyFile", "pseudonym.key",
            32, Integer.MAX_VALUE, "base64 of at least 32 bytes"),
    ENCRYPTION("secrets.encryptionKey", "HOTLINE_ENCRYPTION_KEY", "secrets.encryptionKeyFile", "encryption.key",
            32, 32, "base64 of exactly 32 bytes (an AES-256 key)");

    /** The logical key, used in messages; never accepted in the file. */
    public final String key;
    /** The variable holding the base64 key. */
    public final String env;
    /** The configuration key naming a file that holds it. */
    public final String fileKey;
    /** The file's name under {@code <dataDir>/secrets/} when generated. */
    public final String generatedName;
    final int minBytes;
    final int maxBytes;
    final String expected;

    KeySpec(String key, String env, String fileKey, String generatedName, int minBytes, int maxBytes,
            String expected) {
        this.key = key;
        this.env = env;
        this.fileKey = fileKey;
        this.generatedName = generatedName;
        this.minBytes = minBytes;
        this.maxBytes = maxBytes;
        this.expected = expected;
    }

    /** What a valid value looks like, e.g. {@code base64 of at least 32 bytes}. */
    public String expectedText() {
        return expected;
    }

    /** Where {@code SecretsBootstrap} writes this key: {@code <dataDir>/secrets/<name>}. */
    public Path generatedFile(Path dataDir) {
        return dataDir.resolve("secrets").resolve(generatedName);
    }
}
