package org.hth.hotline.core.config;

import java.util.Objects;
import java.util.Optional;

/**
 * One thing wrong with the configuration, named by its key path.
 *
 * @param key      the key path, e.g. {@code console.port}; {@code (file)} for problems with the file as a whole
 * @param problem  what is wrong, e.g. {@code "70000" is out of range}; never contains a secret
 * @param expected what would be right, e.g. {@code a TCP port 1-65535}
 * @param source   where the value came from when known, e.g. {@code env HOTLINE_CONSOLE_PORT} or
 *                 {@code config/hotline.yaml line 12}
 */
public record ConfigProblem(String key, String problem, String expected, Optional<String> source) {
    public ConfigProblem {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(problem, "problem");
        Objects.requireNonNull(expected, "expected");
        Objects.requireNonNull(source, "source");
    }

    /** A problem whose value's origin is unknown or irrelevant. */
    public ConfigProblem(String key, String problem, String expected) {
        this(key, problem, expected, Optional.empty());
    }

    /**
     * One line for people: {@code console.port: "70000" is out of range; expected a TCP port 1-65535
     * (env HOTLINE_CONSOLE_PORT)}.
     */
    public String describe() {
        StringBuilder line = new StringBuilder(key).append(": ").append(problem);
        if (!expected.isEmpty()) {
            line.append("; expected ").append(expected);
        }
        source.ifPresent(s -> line.append(" (").append(s).append(')'));
        return line.toString();
    }
}
