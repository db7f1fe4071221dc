package org.hth.hotline.console.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Argon2id password hashing in the PHC string format ({@code $argon2id$v=19$m=…,t=…,p=…$salt$hash}), so
 * parameters can be raised later without breaking stored hashes. Thread-safe.
 */
public final class PasswordHasher {
    private static final Pattern PHC = Pattern.compile(
            "\\$argon2id\\$v=19\\$m=(\\d+),t=(\\d+),p=(\\d+)\\$([A-Za-z0-9+/]+)\\$([A-Za-z0-9+/]+)");
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getDecoder();
    private static final int HASH_BYTES = 32;
    private static final int SALT_BYTES = 16;

    private final int memoryKib;
    private final int iterations;
    private final int parallelism;
    private final SecureRandom random;

    /** OWASP's first recommended setting: 19 MiB, 2 iterations, 1 lane. */
    public PasswordHasher(SecureRandom random) {
        this(19 * 1024, 2, 1, random);
    }

    public PasswordHasher(int memoryKib, int iterations, int parallelism, SecureRandom random) {
        this.memoryKib = memoryKib;
        this.iterations = iterations;
        this.parallelism = parallelism;
        this.random = random;
    }

    /** A new PHC string for the password, with a fresh random salt. */
    public String hash(char[] password) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        byte[] hash = derive(password, salt, memoryKib, iterations, parallelism);
        return "$argon2id$v=19$m=" + memoryKib + ",t=" + iterations + ",p=" + parallelism + "$"
                + B64.encodeToString(salt) + "$" + B64.encodeToString(hash);
    }

    /** Whether the password matches the stored PHC string; false for any string this class did not write. */
    public boolean verify(char[] password, String stored) {
        Matcher m = PHC.matcher(stored);
        if (!m.matches()) {
            return false;
        }
        byte[] expected = B64D.decode(m.group(5));
        byte[] actual = derive(password, B64D.decode(m.group(4)), Integer.parseInt(m.group(1)),
                Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)), expected.length);
        return MessageDigest.isEqual(expected, actual);
    }

    private static byte[] derive(char[] password, byte[] salt, int memory, int iterations, int parallelism) {
        return derive(password, salt, memory, iterations, parallelism, HASH_BYTES);
    }

    private static byte[] derive(char[] password, byte[] salt, int memory, int iterations, int parallelism,
                                 int length) {
        Argon2Parameters params = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(memory)
                .withIterations(iterations)
                .withParallelism(parallelism)
                .withSalt(salt)
                .build();
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(params);
        byte[] out = new byte[length];
        generator.generateBytes(toBytes(password), out);
        return out;
    }

    private static byte[] toBytes(char[] password) {
        return new String(password).getBytes(StandardCharsets.UTF_8);
    }
}
