package org.hth.hotline.core.roster;

import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reads fields of a YAML tree and collects what is wrong with them, each problem prefixed by its place
 * ({@code rotations[1].handoff.time}). One per parse; not thread-safe.
 */
final class Problems {
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm").withResolverStyle(ResolverStyle.STRICT);
    static final DateTimeFormatter DATE_TIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm").withResolverStyle(ResolverStyle.STRICT);

    private final List<String> problems = new ArrayList<>();

    void add(String place, String problem) {
        problems.add(place + ": " + problem);
    }

    void throwIfAny() {
        if (!problems.isEmpty()) {
            throw new RosterException(problems);
        }
    }

    /** Reports every key of {@code object} not in {@code known} (a typo would otherwise pass silently). */
    void onlyKeys(JsonNode object, String place, Set<String> known) {
        for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                add(place, "unknown key \"" + name + "\" (expected one of " + String.join(", ", known) + ")");
            }
        }
    }

    /** The items of a list field; a missing field is an empty list, reported when {@code required}. */
    List<JsonNode> list(JsonNode parent, String field, String place, boolean required) {
        JsonNode node = parent.path(field);
        if (node.isMissingNode() || node.isNull()) {
            if (required) {
                add(place, "missing");
            }
            return List.of();
        }
        if (!node.isArray()) {
            add(place, "must be a list");
            return List.of();
        }
        List<JsonNode> items = new ArrayList<>();
        node.forEach(items::add);
        return items;
    }

    /** An object (a map); anything else is reported. */
    boolean isObject(JsonNode node, String place) {
        if (node.isObject()) {
            return true;
        }
        add(place, node.isMissingNode() || node.isNull() ? "missing" : "must be a map");
        return false;
    }

    /** A non-blank string field; reported when missing or not a string. */
    Optional<String> text(JsonNode parent, String field, String place) {
        JsonNode node = parent.path(field);
        if (node.isMissingNode() || node.isNull()) {
            add(place, "missing");
            return Optional.empty();
        }
        return text(node, place);
    }

    Optional<String> text(JsonNode node, String place) {
        if (!node.isTextual() || node.asText().isBlank()) {
            add(place, "must be a non-empty string");
            return Optional.empty();
        }
        return Optional.of(node.asText().strip());
    }

    /** An optional string field: empty when absent, reported when present but not a string. */
    Optional<String> optionalText(JsonNode parent, String field, String place) {
        JsonNode node = parent.path(field);
        return node.isMissingNode() || node.isNull() ? Optional.empty() : text(node, place);
    }

    Optional<LocalTime> time(JsonNode parent, String field, String place) {
        return text(parent, field, place).flatMap(value -> {
            try {
                return Optional.of(LocalTime.parse(value, TIME));
            } catch (DateTimeParseException e) {
                add(place, "bad time \"" + value + "\" (expected \"HH:mm\", 00:00 to 23:59)");
                return Optional.empty();
            }
        });
    }

    Optional<LocalDateTime> dateTime(JsonNode parent, String field, String place) {
        return text(parent, field, place).flatMap(value -> {
            try {
                return Optional.of(LocalDateTime.parse(value, DATE_TIME));
            } catch (DateTimeParseException e) {
                add(place, "bad date-time \"" + value + "\" (expected \"yyyy-MM-ddTHH:mm\")");
                return Optional.empty();
            }
        });
    }

    /** Ring seconds: an integer in 1..300. */
    Optional<Integer> seconds(JsonNode parent, String field, String place) {
        JsonNode node = parent.path(field);
        if (node.isMissingNode() || node.isNull()) {
            add(place, "missing");
        } else if (!node.canConvertToInt() || !node.isIntegralNumber()) {
            add(place, "must be a whole number of seconds");
        } else if (node.intValue() < 1 || node.intValue() > EscalationStep.MAX_RING_SECONDS) {
            add(place, "ring seconds " + node.intValue() + " not in 1.." + EscalationStep.MAX_RING_SECONDS);
        } else {
            return Optional.of(node.intValue());
        }
        return Optional.empty();
    }
}
