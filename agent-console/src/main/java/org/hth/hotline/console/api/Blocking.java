package org.hth.hotline.console.api;

import java.util.concurrent.Callable;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;

/**
 * Runs blocking work (store calls, password hashing) on Vert.x worker threads, unordered so one slow call
 * does not queue the others, and answers the request back on its event loop. Thread-safe.
 */
public final class Blocking {
    private final Vertx vertx;

    public Blocking(Vertx vertx) {
        this.vertx = vertx;
    }

    /** The work's result, completed on the caller's context. */
    public <T> Future<T> run(Callable<T> work) {
        return vertx.executeBlocking(work, false);
    }

    /** Runs the work, then answers 200 with its JSON; a failure goes to the /api failure handler. */
    public void respond(RoutingContext ctx, Callable<io.vertx.core.json.JsonObject> work) {
        run(work).onSuccess(body -> Responses.json(ctx, 200, body)).onFailure(ctx::fail);
    }
}
