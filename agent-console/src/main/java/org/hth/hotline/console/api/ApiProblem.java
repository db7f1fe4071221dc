package org.hth.hotline.console.api;

import java.util.Map;

/**
 * A request the API refuses, answered as {@code {"error": code, "message": …, "fields": {…}}} with the given
 * status. The message and field texts are the server's own words and never quote the input. Immutable.
 */
public class ApiProblem extends RuntimeException {
    private final int status;
    private final String code;
    private final Map<String, String> fields;

    public ApiProblem(int status, String code, String message) {
        this(status, code, message, Map.of());
    }

    public ApiProblem(int status, String code, String message, Map<String, String> fields) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.fields = Map.copyOf(fields);
    }

    /** 400 with field-level errors. */
    public static ApiProblem invalid(Map<String, String> fields) {
        return new ApiProblem(400, "INVALID", "the request has invalid fields", fields);
    }

    public static ApiProblem notFound(String what) {
        return new ApiProblem(404, "NOT_FOUND", what + " not found");
    }

    public static ApiProblem forbidden(String message) {
        return new ApiProblem(403, "FORBIDDEN", message);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public Map<String, String> fields() {
        return fields;
    }
}
