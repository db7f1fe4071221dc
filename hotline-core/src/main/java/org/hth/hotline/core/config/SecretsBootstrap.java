package org.hth.hotline.core.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;

import org.hth.hotline.core.config.internal.KeySpec;

/**
 * Generates a missing pseudonym or encryption key on first start: 32 random bytes, base64, into
 * {@code <dataDir>/secrets/pseudonym.key} or {@code encryption.key} (file 0600, directory 0700 where the file
 * system supports POSIX permissions). An existing file is never overwritten, so later starts reuse it.
 * Used by {@link ConfigLoader#loadAndBootstrap}; the pure {@link ConfigLoader#load} never writes. Thread-safe if
 * the {@link SecureRandom} is (the JDK's is).
 */
public final class SecretsBootstrap {
    private static final int KEY_BYTES = 32;
    private final SecureRandom random;

    public SecretsBootstrap(SecureRandom random) {
        this.random = Objects.requireNonNull(random, "random");
    }

    /** Where a generated pseudonym key lives. */
    public static Path pseudonymKeyFile(Path dataDir) {
        return KeySpec.PSEUDONYM.generatedFile(dataDir);
    }

    /** Where a generated encryption key lives. */
    public static Path encryptionKeyFile(Path dataDir) {
        return KeySpec.ENCRYPTION.generatedFile(dataDir);
    }

    /**
     * Writes a fresh key to {@code keyFile}, creating its directory; if another process created the file first,
     * returns that file's key instead.
     *
     * @throws IOException when the directory or file cannot be created or written
     */
    public Secret generate(Path keyFile) throws IOException {
        Path dir = keyFile.toAbsolutePath().getParent();
        boolean posix = keyFile.getFileSystem().supportedFileAttributeViews().contains("posix");
        if (!Files.isDirectory(dir)) {
            Files.createDirectories(dir.getParent());
            Files.createDirectory(dir, posix ? permissions("rwx------") : new FileAttribute<?>[0]);
        }
        byte[] key = new byte[KEY_BYTES];
        random.nextBytes(key);
        try {
            Files.createFile(keyFile, posix ? permissions("rw-------") : new FileAttribute<?>[0]);
        } catch (FileAlreadyExistsException raced) {
            String existing = Files.readString(keyFile, StandardCharsets.US_ASCII).strip();
            return Secret.key(Base64.getDecoder().decode(existing));
        }
        Files.writeString(keyFile, Base64.getEncoder().encodeToString(key) + "\n", StandardCharsets.US_ASCII);
        return Secret.key(key);
    }

    private static FileAttribute<?>[] permissions(String mode) {
        return new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(mode))};
    }
}
