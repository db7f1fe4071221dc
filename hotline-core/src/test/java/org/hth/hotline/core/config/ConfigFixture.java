package org.hth.hotline.core.config;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Builds configuration files and environments for the config tests. */
final class ConfigFixture {
    /** A valid pseudonym key (32 bytes of 0x01), base64. */
    static final String PSEUDONYM_KEY = Base64.getEncoder().encodeToString(filled(32, 1));
    /** A valid encryption key (32 bytes of 0x02), base64. */
    static final String ENCRYPTION_KEY = Base64.getEncoder().encodeToString(filled(32, 2));

    private ConfigFixture() {
    }

    /** An environment holding valid keys plus {@code HOTLINE_…} pairs: {@code env("HOTLINE_STORE", "redis")}. */
    static Map<String, String> env(String... pairs) {
        Map<String, String> env = new HashMap<>();
        env.put("HOTLINE_PSEUDONYM_KEY", PSEUDONYM_KEY);
        env.put("HOTLINE_ENCRYPTION_KEY", ENCRYPTION_KEY);
        for (int i = 0; i < pairs.length; i += 2) {
            env.put(pairs[i], pairs[i + 1]);
        }
        return env;
    }

    static Path write(Path file, String text) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            return Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static HotlineConfig load(Path dir, String yaml, Map<String, String> env) {
        return ConfigLoader.load(Optional.of(write(dir.resolve("hotline.yaml"), yaml)), env);
    }

    /** The problems that loading {@code yaml} with {@code env} reports; fails if it loads. */
    static List<ConfigProblem> problems(Path dir, String yaml, Map<String, String> env) {
        Path file = write(dir.resolve("hotline.yaml"), yaml);
        ConfigException[] thrown = new ConfigException[1];
        assertThatThrownBy(() -> ConfigLoader.load(Optional.of(file), env))
                .isInstanceOfSatisfying(ConfigException.class, e -> thrown[0] = e);
        return thrown[0].problems();
    }

    /** The single problem reported; fails if there are more or none. */
    static ConfigProblem problem(Path dir, String yaml, Map<String, String> env) {
        List<ConfigProblem> problems = problems(dir, yaml, env);
        if (problems.size() != 1) {
            throw new AssertionError("expected one problem, got " + problems);
        }
        return problems.get(0);
    }

    static byte[] filled(int length, int value) {
        byte[] bytes = new byte[length];
        java.util.Arrays.fill(bytes, (byte) value);
        return bytes;
    }
}
