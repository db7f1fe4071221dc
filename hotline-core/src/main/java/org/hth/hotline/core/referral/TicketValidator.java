package org.hth.hotline.core.referral;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Checks a {@link TicketDraft} field by field. Messages name the problem, never repeat the value (it may
 * be personal data). Keys are the API's field names, nested ones dotted ({@code person.ageBand}).
 * Stateless and thread-safe.
 */
public final class TicketValidator {
    /** Longest summary accepted, in characters. */
    public static final int SUMMARY_MAX = 4_000;
    private static final Pattern AGE_BAND = Pattern.compile("(\\d{1,3})-(\\d{1,3})|(\\d{1,3})\\+");
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2}");
    private static final Pattern GENDER = Pattern.compile("[FMX]");

    /** The problems found, by field; empty when the draft is valid. */
    public Map<String, String> problems(TicketDraft draft) {
        Map<String, String> problems = new LinkedHashMap<>();
        if (draft.accessChannel().isEmpty()) {
            problems.put("accessChannel", "required: one of the eight access channels");
        }
        if (draft.exploitation().isEmpty()) {
            problems.put("exploitation", "at least one form of exploitation (OTHER when unclear)");
        }
        if (draft.needs().isEmpty()) {
            problems.put("needs", "at least one need");
        }
        if (draft.urgency().isEmpty()) {
            problems.put("urgency", "required: IMMEDIATE_DANGER, URGENT or ORDINARY");
        }
        if (draft.territory().isEmpty()) {
            problems.put("territory", "required: ASL1 to ASL5 or OUTSIDE_LIGURIA");
        }
        if (draft.summary().isBlank()) {
            problems.put("summary", "required");
        } else if (draft.summary().length() > SUMMARY_MAX) {
            problems.put("summary", "at most " + SUMMARY_MAX + " characters");
        }
        if (draft.callId().isPresent() && draft.callId().get().isBlank()) {
            problems.put("callId", "must not be blank when given");
        }
        person(draft.person(), draft.consent(), problems);
        return problems;
    }

    /** @throws TicketValidationException naming every field at fault */
    public void check(TicketDraft draft) {
        Map<String, String> problems = problems(draft);
        if (!problems.isEmpty()) {
            throw new TicketValidationException(problems);
        }
    }

    private static void person(Person person, boolean consent, Map<String, String> problems) {
        person.gender().filter(g -> !GENDER.matcher(g).matches())
                .ifPresent(g -> problems.put("person.gender", "F, M or X"));
        person.ageBand().ifPresent(band -> {
            var m = AGE_BAND.matcher(band);
            if (!m.matches()) {
                problems.put("person.ageBand", "a band such as 15-17 or 65+");
            } else if (m.group(1) != null && Integer.parseInt(m.group(1)) > Integer.parseInt(m.group(2))) {
                problems.put("person.ageBand", "the lower bound is above the upper bound");
            } else if (m.group(2) != null && Integer.parseInt(m.group(2)) < 18 && !person.minor()) {
                problems.put("person.minor", "must be true for an age band under 18");
            }
        });
        person.nationality().filter(n -> !COUNTRY.matcher(n).matches())
                .ifPresent(n -> problems.put("person.nationality", "an ISO 3166-1 alpha-2 code, e.g. NG"));
        if (person.languages().stream().anyMatch(l -> !LANGUAGE.matcher(l).matches())) {
            problems.put("person.languages", "ISO 639-1 codes, e.g. en");
        }
        if (person.name().isPresent()) {
            if (!consent) {
                problems.put("person.name", "a name may be recorded only with the person's consent");
            } else if (person.name().get().isBlank()) {
                problems.put("person.name", "must not be blank when given");
            }
        }
    }
}
