package org.hth.hotline.core.destination;

import java.util.Set;

/**
 * The names a destination's {@code fields} list may hold: the webhook body's fields, {@code person} for
 * the whole person or {@code person.<part>} for one part of it. {@code ticket}, {@code statusUrl} and
 * {@code flags} are always sent.
 */
public final class PayloadFields {
    public static final Set<String> ALL = Set.of("createdAt", "urgency", "territory", "accessChannel",
            "exploitation", "person", "person.gender", "person.ageBand", "person.minor", "person.nationality",
            "person.languages", "person.name", "needs", "consent", "summary", "callId");

    private PayloadFields() {
    }
}
