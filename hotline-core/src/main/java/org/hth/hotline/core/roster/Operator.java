package org.hth.hotline.core.roster;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Someone who answers the line. Immutable, thread-safe.
 *
 * @param id        the roster id ({@code op-anna})
 * @param name      shown in the console
 * @param languages language codes spoken ({@code it}, {@code en}, {@code pcm}…), in the operator's order
 * @param endpoints at least one dial string by kind ({@code CONSOLE → PJSIP/op-anna})
 */
public record Operator(String id, String name, List<String> languages, Map<EndpointKind, String> endpoints) {
    public Operator {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        languages = List.copyOf(languages);
        endpoints = Map.copyOf(endpoints);
        if (endpoints.isEmpty()) {
            throw new IllegalArgumentException("operator " + id + " has no endpoint");
        }
    }

    /** The dial string of that kind, if the operator has one. */
    public Optional<String> endpoint(EndpointKind kind) {
        return Optional.ofNullable(endpoints.get(kind));
    }

    /** Whether the operator speaks that language (codes compared ignoring case). */
    public boolean speaks(String language) {
        return languages.stream().anyMatch(language::equalsIgnoreCase);
    }
}
