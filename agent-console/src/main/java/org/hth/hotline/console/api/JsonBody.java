package org.hth.hotline.console.api;

import java.util.Set;
import java.util.TreeSet;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * Reads a request's JSON object body and refuses, with field-level errors, unknown fields. The size limit is
 * enforced earlier by the body handler (413). Stateless; call on the event loop.
 */
public final class JsonBody {
    private JsonBody() {
    }

    /**
     * The body as a JSON object whose keys are all in {@code allowed}.
     *
     * @throws ApiProblem 415 when it is not JSON, 400 when it is not an object or holds unknown fields
     */
    public static JsonObject read(RoutingContext ctx, Set<String> allowed) {
        String type = ctx.request().getHeader("Content-Type");
        if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
            throw new ApiProblem(415, "UNSUPPORTED_MEDIA_TYPE", "the body must be application/json");
        }
        Buffer buffer = ctx.body().buffer();
        if (buffer == null || buffer.length() == 0) {
            throw new ApiProblem(400, "INVALID", "the body must be a JSON object");
        }
        JsonObject body;
        try {
            Object parsed = io.vertx.core.json.Json.decodeValue(buffer);
            if (!(parsed instanceof JsonObject object)) {
                throw new ApiProblem(400, "INVALID", "the body must be a JSON object");
            }
            body = object;
        } catch (DecodeException e) {
            throw new ApiProblem(400, "INVALID", "the body is not valid JSON");
        }
        FieldErrors errors = new FieldErrors();
        for (String key : new TreeSet<>(body.fieldNames())) {
            if (!allowed.contains(key)) {
                errors.add(fieldName(key), "unknown field");
            }
        }
        errors.throwIfAny();
        return body;
    }

    /** A field name fit to echo back: unknown keys are shortened and stripped of anything but name characters. */
    private static String fieldName(String key) {
        String clean = key.replaceAll("[^A-Za-z0-9_.-]", "_");
        return clean.length() > 64 ? clean.substring(0, 64) : clean;
    }
}
