package org.hth.hotline.console.api;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import io.vertx.core.MultiMap;

/**
 * Typed, validated query parameters. Every problem is collected into {@link FieldErrors} with a message that
 * says what is expected (never quoting the value); unknown or repeated parameters are refused. Not
 * thread-safe; one per request.
 */
public final class QueryParams {
    private final MultiMap params;
    private final FieldErrors errors = new FieldErrors();

    public QueryParams(MultiMap params, Set<String> allowed) {
        this.params = params;
        for (String name : params.names()) {
            if (!allowed.contains(name)) {
                errors.add(name.replaceAll("[^A-Za-z0-9_.-]", "_"), "unknown parameter");
            } else if (params.getAll(name).size() > 1) {
                errors.add(name, "given more than once");
            }
        }
    }

    public Optional<String> text(String name, Pattern shape, String expected) {
        Optional<String> value = raw(name);
        if (value.isPresent() && !shape.matcher(value.get()).matches()) {
            errors.add(name, "expected " + expected);
            return Optional.empty();
        }
        return value;
    }

    /** An ISO-8601 instant such as {@code 2026-11-21T00:00:00Z}. */
    public Optional<Instant> instant(String name) {
        Optional<String> value = raw(name);
        try {
            return value.map(Instant::parse);
        } catch (DateTimeParseException e) {
            errors.add(name, "expected an ISO-8601 instant such as 2026-11-21T00:00:00Z");
            return Optional.empty();
        }
    }

    public <E extends Enum<E>> Optional<E> choice(String name, Class<E> type) {
        Optional<String> value = raw(name);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(value.get().toUpperCase(Locale.ROOT))) {
                return Optional.of(constant);
            }
        }
        errors.add(name, "expected one of " + List.of(type.getEnumConstants()));
        return Optional.empty();
    }

    public int integer(String name, int min, int max, int otherwise) {
        Optional<String> value = raw(name);
        if (value.isEmpty()) {
            return otherwise;
        }
        if (value.get().matches("\\d{1,9}")) {
            int n = Integer.parseInt(value.get());
            if (n >= min && n <= max) {
                return n;
            }
        }
        errors.add(name, "expected a whole number " + min + "-" + max);
        return otherwise;
    }

    public FieldErrors errors() {
        return errors;
    }

    private Optional<String> raw(String name) {
        return Optional.ofNullable(params.get(name)).filter(v -> !v.isEmpty());
    }
}
