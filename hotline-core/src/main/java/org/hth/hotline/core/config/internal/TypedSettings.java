package org.hth.hotline.core.config.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reads typed values out of a {@link SettingsTree}. A value that does not convert becomes a problem naming the
 * key, the value and its source, and the reader returns a harmless stand-in so reading can go on and every
 * problem is found in one pass. Not thread-safe; one per load.
 */
public final class TypedSettings {
    private final SettingsTree tree;
    private final Problems problems;

    public TypedSettings(SettingsTree tree, Problems problems) {
        this.tree = tree;
        this.problems = problems;
    }

    /** Records a problem with the value of {@code key}, quoting the value and naming its source. */
    public void reject(String key, String problem, String expected) {
        Setting s = tree.get(key);
        problems.add(key, s.quoted() + " " + problem, expected, s.source());
    }

    /** Records a problem with {@code key} without quoting its value (credentials, or when the problem names it). */
    public void rejectUnquoted(String key, String problem, String expected) {
        problems.add(key, problem, expected, tree.get(key).source());
    }

    /** The text of an optional key; empty when unset or blank. */
    public Optional<String> optionalText(String key) {
        Setting s = tree.get(key);
        if (s.value().isContainerNode()) {
            reject(key, "is a list", "a single value");
            return Optional.empty();
        }
        return Optional.of(s.isUnset() ? "" : s.value().asText().strip()).filter(t -> !t.isEmpty());
    }

    /** Non-blank text. */
    public String text(String key, String expected) {
        Setting s = tree.get(key);
        Optional<String> text = optionalText(key);
        if (text.isEmpty() && !s.value().isContainerNode()) {
            problems.add(key, "is empty", expected, s.source());
        }
        return text.orElse("");
    }

    /** A whole number in {@code [min, max]}. */
    public int integer(String key, int min, int max, String expected) {
        String text = text(key, expected);
        if (text.isEmpty()) {
            return min;
        }
        if (!text.matches("[+-]?\\d{1,10}")) {
            reject(key, "is not a whole number", expected);
            return min;
        }
        long value = Long.parseLong(text);
        if (value < min || value > max) {
            reject(key, "is out of range", expected);
            return min;
        }
        return (int) value;
    }

    /** A TCP port 1-65535. */
    public int port(String key) {
        return integer(key, 1, 65535, "a TCP port 1-65535");
    }

    /** {@code true} or {@code false}. */
    public boolean bool(String key) {
        String text = text(key, "true or false").toLowerCase(Locale.ROOT);
        if (!text.isEmpty() && !text.equals("true") && !text.equals("false")) {
            reject(key, "is not a boolean", "true or false");
        }
        return text.equals("true");
    }

    /** A positive duration such as {@code 5s}. */
    public Duration duration(String key) {
        String expected = "a positive duration such as 250ms, 5s, 2m, 1h or PT5S";
        String text = text(key, expected);
        if (text.isEmpty()) {
            return Duration.ofSeconds(1);
        }
        Optional<Duration> parsed = Durations.parse(text);
        if (parsed.isEmpty()) {
            reject(key, "is not a duration", expected);
        } else if (parsed.get().isNegative() || parsed.get().isZero()) {
            reject(key, "is not positive", expected);
        }
        return parsed.filter(d -> !d.isNegative() && !d.isZero()).orElse(Duration.ofSeconds(1));
    }

    /** One of the constants of {@code type}, written in lower case. */
    public <E extends Enum<E>> E choice(String key, Class<E> type) {
        E[] constants = type.getEnumConstants();
        String expected = Arrays.stream(constants).map(c -> c.name().toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(" | "));
        String text = text(key, expected);
        for (E constant : constants) {
            if (constant.name().equalsIgnoreCase(text)) {
                return constant;
            }
        }
        if (!text.isEmpty()) {
            reject(key, "is not one of the choices", expected);
        }
        return constants[0];
    }

    /** A list: a YAML sequence of scalars, or comma-separated text (as from the environment). */
    public List<String> list(String key) {
        JsonNode value = tree.get(key).value();
        List<String> items = new ArrayList<>();
        if (value.isArray()) {
            for (JsonNode item : value) {
                if (!item.isValueNode() || item.isNull()) {
                    reject(key, "holds an entry that is not a single value", "a list of values");
                    return List.of();
                }
                items.add(item.asText().strip());
            }
        } else if (value.isValueNode() && !value.isNull()) {
            Arrays.stream(value.asText().split(",")).map(String::strip).forEach(items::add);
        }
        items.removeIf(String::isEmpty);
        return List.copyOf(items);
    }

    /** Where the value of {@code key} came from; empty for a built-in default. */
    public Optional<String> source(String key) {
        return tree.get(key).source();
    }

    /** True when the value of {@code key} came from an environment variable. */
    public boolean fromEnv(String key) {
        return tree.get(key).source().filter(src -> src.startsWith("env ")).isPresent();
    }
}
