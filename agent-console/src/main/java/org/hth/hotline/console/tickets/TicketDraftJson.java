package org.hth.hotline.console.tickets;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import org.hth.hotline.console.api.ApiProblem;
import org.hth.hotline.console.api.FieldErrors;
import org.hth.hotline.core.referral.AccessChannel;
import org.hth.hotline.core.referral.ExploitationType;
import org.hth.hotline.core.referral.Need;
import org.hth.hotline.core.referral.Person;
import org.hth.hotline.core.referral.Territory;
import org.hth.hotline.core.referral.TicketDraft;
import org.hth.hotline.core.referral.TicketValidator;
import org.hth.hotline.core.referral.Urgency;

/**
 * Reads a {@link TicketDraft} from the body of {@code POST /api/tickets}, with the webhook body's field names.
 * Type errors (a wrong enum value, a string where a list belongs) and the {@link TicketValidator}'s problems are
 * reported together, one message per field, nested fields dotted ({@code person.ageBand}). Stateless.
 */
final class TicketDraftJson {
    static final Set<String> FIELDS = Set.of("accessChannel", "exploitation", "person", "needs", "urgency",
            "territory", "consent", "summary", "callId");
    static final Set<String> PERSON_FIELDS = Set.of("gender", "ageBand", "minor", "nationality", "languages", "name");
    private static final int MAX_TEXT = 200;
    private static final int MAX_LANGUAGES = 10;
    private static final Set<Territory> CHOOSABLE = EnumSet.complementOf(EnumSet.of(Territory.UNKNOWN));

    private TicketDraftJson() {
    }

    /** @throws ApiProblem 400 naming every field at fault */
    static TicketDraft parse(JsonObject body) {
        FieldErrors errors = new FieldErrors();
        Optional<AccessChannel> channel = one(body, "accessChannel", AccessChannel.class, errors);
        Set<ExploitationType> exploitation = many(body, "exploitation", ExploitationType.class, errors);
        Set<Need> needs = many(body, "needs", Need.class, errors);
        Optional<Urgency> urgency = one(body, "urgency", Urgency.class, errors);
        Optional<Territory> territory = one(body, "territory", Territory.class, errors);
        if (territory.isPresent() && !CHOOSABLE.contains(territory.get())) {
            errors.add("territory", "choose ASL1 to ASL5 or OUTSIDE_LIGURIA");
            territory = Optional.empty();
        }
        boolean consent = bool(body, "consent", errors);
        String summary = text(body, "summary", TicketValidator.SUMMARY_MAX, errors).orElse("");
        Optional<String> callId = text(body, "callId", MAX_TEXT, errors);
        Person person = person(body.getValue("person"), errors);
        TicketDraft draft = new TicketDraft(channel, exploitation, person, needs, urgency, territory, consent, summary,
                callId);
        new TicketValidator().problems(draft).forEach((field, problem) -> {
            if (!errors.has(field)) {
                errors.add(field, problem);
            }
        });
        errors.throwIfAny();
        return draft;
    }

    private static Person person(Object value, FieldErrors errors) {
        if (value == null) {
            return Person.unknown();
        }
        if (!(value instanceof JsonObject p)) {
            errors.add("person", "expected an object");
            return Person.unknown();
        }
        for (String key : p.fieldNames()) {
            if (!PERSON_FIELDS.contains(key)) {
                errors.add("person", "unknown field in person");
            }
        }
        List<String> languages = new ArrayList<>();
        Object langs = p.getValue("languages");
        if (langs instanceof JsonArray array && array.size() <= MAX_LANGUAGES) {
            array.forEach(l -> languages.add(l instanceof String s ? s : "?"));
        } else if (langs != null) {
            errors.add("person.languages", "expected a list of at most " + MAX_LANGUAGES + " language codes");
        }
        return new Person(text(p, "gender", 1, errors, "person."), text(p, "ageBand", 7, errors, "person."),
                bool(p, "minor", errors, "person."), text(p, "nationality", 2, errors, "person."), languages,
                text(p, "name", MAX_TEXT, errors, "person."));
    }

    private static <E extends Enum<E>> Optional<E> one(JsonObject body, String field, Class<E> type,
                                                       FieldErrors errors) {
        Object value = body.getValue(field);
        if (value == null) {
            return Optional.empty();
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(value)) {
                return Optional.of(constant);
            }
        }
        errors.add(field, "expected one of " + List.of(type.getEnumConstants()));
        return Optional.empty();
    }

    private static <E extends Enum<E>> Set<E> many(JsonObject body, String field, Class<E> type, FieldErrors errors) {
        Object value = body.getValue(field);
        if (value == null) {
            return Set.of();
        }
        if (!(value instanceof JsonArray array) || array.size() > type.getEnumConstants().length) {
            errors.add(field, "expected a list of " + List.of(type.getEnumConstants()));
            return Set.of();
        }
        Set<E> out = EnumSet.noneOf(type);
        for (Object item : array) {
            Optional<E> one = one(new JsonObject().put(field, item), field, type, errors);
            one.ifPresent(out::add);
        }
        return out;
    }

    private static boolean bool(JsonObject body, String field, FieldErrors errors) {
        return bool(body, field, errors, "");
    }

    private static boolean bool(JsonObject body, String field, FieldErrors errors, String prefix) {
        Object value = body.getValue(field);
        if (value == null || value instanceof Boolean) {
            return Boolean.TRUE.equals(value);
        }
        errors.add(prefix + field, "expected true or false");
        return false;
    }

    private static Optional<String> text(JsonObject body, String field, int max, FieldErrors errors) {
        return text(body, field, max, errors, "");
    }

    private static Optional<String> text(JsonObject body, String field, int max, FieldErrors errors, String prefix) {
        Object value = body.getValue(field);
        if (value == null || (value instanceof String s && s.isEmpty() && !prefix.isEmpty())) {
            return Optional.empty();
        }
        if (!(value instanceof String s)) {
            errors.add(prefix + field, "expected text");
            return Optional.empty();
        }
        if (s.length() > max) {
            errors.add(prefix + field, "at most " + max + " characters");
            return Optional.empty();
        }
        return Optional.of(s);
    }
}
