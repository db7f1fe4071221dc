package org.hth.hotline.console.api;

import java.util.Map;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

import org.hth.hotline.console.ApiError;
import org.hth.hotline.core.store.NotFoundException;
import org.hth.hotline.core.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The failure handler of {@code /api/*}: answers every failure in the one error shape. Unexpected failures are
 * logged once, by type and path only (never a body, a note or a number). Runs on the event loop; stateless.
 */
public final class ApiFailures {
    private static final Logger log = LoggerFactory.getLogger(ApiFailures.class);

    private ApiFailures() {
    }

    public static void handle(RoutingContext ctx) {
        if (ctx.response().ended() || ctx.response().headWritten()) {
            return;
        }
        Throwable failure = ctx.failure();
        if (failure instanceof ApiProblem p) {
            ApiError.send(ctx, p.status(), p.code(), p.getMessage(), toJson(p.fields()));
        } else if (failure instanceof NotFoundException) {
            ApiError.send(ctx, 404, "NOT_FOUND", "not found");
        } else if (failure instanceof StoreException) {
            log.warn("store unavailable on {} {}: {}", ctx.request().method(), ctx.normalizedPath(),
                    failure.getClass().getSimpleName());
            ApiError.send(ctx, 503, "STORE_UNAVAILABLE", "the store is not answering; try again shortly");
        } else if (failure == null && ctx.statusCode() == 413) {
            ApiError.send(ctx, 413, "TOO_LARGE", "the request body is too large");
        } else if (failure == null && ctx.statusCode() >= 400 && ctx.statusCode() < 500) {
            ApiError.send(ctx, ctx.statusCode(), "BAD_REQUEST", "the request was not understood");
        } else {
            log.error("unexpected failure on {} {}: {}", ctx.request().method(), ctx.normalizedPath(),
                    failure == null ? "status " + ctx.statusCode() : failure.getClass().getName());
            ApiError.send(ctx, 500, "INTERNAL", "something went wrong on the server");
        }
    }

    private static JsonObject toJson(Map<String, String> fields) {
        JsonObject json = new JsonObject();
        fields.forEach(json::put);
        return json;
    }
}
