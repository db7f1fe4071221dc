package org.hth.hotline.console.calls;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import org.hth.hotline.console.api.ApiProblem;
import org.hth.hotline.console.api.FieldErrors;
import org.hth.hotline.core.call.CallCategory;
import org.hth.hotline.core.call.CallRecord;
import org.hth.hotline.core.referral.Territory;

/**
 * A validated change to a call: any of {@code notes}, {@code category}, {@code territory} ({@code null} clears
 * the last two) and {@code tags}. Immutable.
 *
 * @param notes     new notes
 * @param category  new category; an empty inner optional clears it
 * @param territory new territory; an empty inner optional clears it
 * @param tags      new tags
 */
record CallPatch(Optional<String> notes, Optional<Optional<CallCategory>> category,
                 Optional<Optional<Territory>> territory, Optional<Set<String>> tags) {
    static final Set<String> FIELDS = Set.of("notes", "category", "territory", "tags");
    static final int MAX_NOTES = 10_000;
    static final int MAX_TAGS = 20;
    private static final Pattern TAG = Pattern.compile("[\\p{L}\\p{N} _.-]{1,40}");

    static CallPatch parse(JsonObject body) {
        if (body.isEmpty()) {
            throw new ApiProblem(400, "INVALID", "nothing to change: give notes, category, territory or tags");
        }
        FieldErrors errors = new FieldErrors();
        Optional<String> notes = Optional.empty();
        if (body.containsKey("notes")) {
            if (!(body.getValue("notes") instanceof String text)) {
                errors.add("notes", "expected text");
            } else if (text.length() > MAX_NOTES) {
                errors.add("notes", "at most " + MAX_NOTES + " characters");
            } else {
                notes = Optional.of(text);
            }
        }
        var category = body.containsKey("category")
                ? Optional.of(choice(body.getValue("category"), CallCategory.class, "category", errors))
                : Optional.<Optional<CallCategory>>empty();
        var territory = body.containsKey("territory")
                ? Optional.of(choice(body.getValue("territory"), Territory.class, "territory", errors))
                : Optional.<Optional<Territory>>empty();
        Optional<Set<String>> tags = body.containsKey("tags") ? Optional.of(tags(body.getValue("tags"), errors))
                : Optional.empty();
        errors.throwIfAny();
        return new CallPatch(notes, category, territory, tags);
    }

    CallRecord applyTo(CallRecord c) {
        return new CallRecord(c.callId(), c.line(), c.callerPseudonym(), c.callerWithheld(), c.startedAt(),
                c.answeredAt(), c.endedAt(), c.waitSeconds(), c.talkSeconds(), c.language(), c.attempts(),
                c.answeredBy(), c.outcome(), c.hangupCause(), notes.orElse(c.notes()),
                category.orElse(c.category()), tags.orElse(c.tags()),
                territory.orElse(c.territory()), c.ticketIds());
    }

    /** The names of the fields changed, for the audit log (never their content). */
    List<String> fieldNames() {
        return Map.of("notes", notes.isPresent(), "category", category.isPresent(), "territory",
                territory.isPresent(), "tags", tags.isPresent()).entrySet().stream().filter(Map.Entry::getValue)
                .map(Map.Entry::getKey).sorted().toList();
    }

    private static <E extends Enum<E>> Optional<E> choice(Object value, Class<E> type, String field,
                                                          FieldErrors errors) {
        if (value == null) {
            return Optional.empty();
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(value)) {
                return Optional.of(constant);
            }
        }
        errors.add(field, "expected one of " + List.of(type.getEnumConstants()) + " or null");
        return Optional.empty();
    }

    private static Set<String> tags(Object value, FieldErrors errors) {
        if (!(value instanceof JsonArray array) || array.size() > MAX_TAGS) {
            errors.add("tags", "expected a list of at most " + MAX_TAGS + " tags");
            return Set.of();
        }
        Set<String> tags = new LinkedHashSet<>();
        for (Object tag : array) {
            if (!(tag instanceof String text) || !TAG.matcher(text).matches()) {
                errors.add("tags", "each tag is 1-40 letters, digits, spaces, '.', '_' or '-'");
                return Set.of();
            }
            tags.add(text);
        }
        return tags;
    }
}
