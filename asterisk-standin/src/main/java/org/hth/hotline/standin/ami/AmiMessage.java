package org.hth.hotline.standin.ami;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One AMI message: ordered {@code Key: Value} fields, as on the wire. Immutable and thread-safe.
 * Responses and events are told apart by their first field, as Asterisk's own clients must do
 * (an {@code OriginateResponse} event carries a {@code Response} field of its own).
 */
public record AmiMessage(List<AmiField> fields) {
    public AmiMessage {
        fields = List.copyOf(fields);
    }

    /** A message from alternating keys and values. */
    public static AmiMessage of(String... keysAndValues) {
        if (keysAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("keys and values must come in pairs");
        }
        Builder b = builder();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            b.add(keysAndValues[i], keysAndValues[i + 1]);
        }
        return b.build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The value of the first field with this key (case-insensitive, as Asterisk reads action headers). */
    public Optional<String> get(String key) {
        return fields.stream().filter(f -> f.key().equalsIgnoreCase(key)).map(AmiField::value).findFirst();
    }

    public String getOrEmpty(String key) {
        return get(key).orElse("");
    }

    /** The event type when the first field is {@code Event}, else empty. */
    public Optional<String> eventType() {
        return !fields.isEmpty() && fields.get(0).key().equals("Event") ? Optional.of(fields.get(0).value()) : Optional.empty();
    }

    /** The action name when the first field is {@code Action} (any case), else empty. */
    public Optional<String> action() {
        return !fields.isEmpty() && fields.get(0).key().equalsIgnoreCase("Action")
                ? Optional.of(fields.get(0).value()) : get("Action");
    }

    /** Builds a message field by field; not thread-safe. */
    public static final class Builder {
        private final List<AmiField> fields = new ArrayList<>();

        public Builder add(String key, String value) {
            fields.add(new AmiField(key, value));
            return this;
        }

        public Builder addAll(List<AmiField> more) {
            fields.addAll(more);
            return this;
        }

        /** Adds {@code ActionID} when the action carried one, as Asterisk echoes it. */
        public Builder actionId(AmiMessage action) {
            action.get("ActionID").ifPresent(id -> add("ActionID", id));
            return this;
        }

        public AmiMessage build() {
            return new AmiMessage(fields);
        }
    }
}
