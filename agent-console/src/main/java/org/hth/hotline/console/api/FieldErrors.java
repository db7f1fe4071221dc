package org.hth.hotline.console.api;

import java.util.LinkedHashMap;
import java.util.Map;

/** Collects field-level problems of one request, then refuses it with all of them at once. Not thread-safe. */
public final class FieldErrors {
    private final Map<String, String> errors = new LinkedHashMap<>();

    /** Records the first problem of a field (later ones for the same field are ignored). */
    public void add(String field, String problem) {
        errors.putIfAbsent(field, problem);
    }

    public boolean has(String field) {
        return errors.containsKey(field);
    }

    /** @throws ApiProblem a 400 naming every field at fault, when there is any */
    public void throwIfAny() {
        if (!errors.isEmpty()) {
            throw ApiProblem.invalid(errors);
        }
    }
}
