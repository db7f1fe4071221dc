package org.hth.hotline.console;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** The one JSON error shape of the API: {@code {"error": CODE, "message": …, "fields": {…}}}. */
public final class ApiError {
    private ApiError() {
    }

    /** Ends the request with the given status and error body. */
    public static void send(RoutingContext ctx, int status, String code, String message) {
        send(ctx, status, code, message, new JsonObject());
    }

    /** Ends the request with the given status and error body, naming the fields at fault. */
    public static void send(RoutingContext ctx, int status, String code, String message, JsonObject fields) {
        JsonObject body = new JsonObject().put("error", code).put("message", message);
        if (!fields.isEmpty()) {
            body.put("fields", fields);
        }
        ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json").end(body.encode());
    }
}
