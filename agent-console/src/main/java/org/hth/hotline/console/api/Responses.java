package org.hth.hotline.console.api;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * Writes JSON answers. {@code <}, {@code >}, {@code &} and the JavaScript line separators are written as
 * {@code \}{@code uXXXX} escapes, so a note or caller-supplied text holding markup can never be read as HTML,
 * even by a client that sniffs. Stateless; call on the event loop.
 */
public final class Responses {
    private Responses() {
    }

    public static void json(RoutingContext ctx, int status, JsonObject body) {
        send(ctx, status, body.encode());
    }

    public static void json(RoutingContext ctx, int status, JsonArray body) {
        send(ctx, status, body.encode());
    }

    /** 204 No Content. */
    public static void noContent(RoutingContext ctx) {
        ctx.response().setStatusCode(204).end();
    }

    /** The encoded JSON with markup characters escaped (they only ever occur inside JSON strings). */
    public static String escapeMarkup(String encodedJson) {
        StringBuilder out = new StringBuilder(encodedJson.length() + 16);
        for (int i = 0; i < encodedJson.length(); i++) {
            char c = encodedJson.charAt(i);
            switch (c) {
                case '<' -> out.append("\\u003c");
                case '>' -> out.append("\\u003e");
                case '&' -> out.append("\\u0026");
                case '\u2028' -> out.append("\\u2028");
                case '\u2029' -> out.append("\\u2029");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static void send(RoutingContext ctx, int status, String encoded) {
        ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json; charset=utf-8")
                .end(escapeMarkup(encoded));
    }
}
