package org.hth.hotline.ops.bench;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.vertx.core.Future;

/** Blocks the bench's own thread (never an event loop) until a Vert.x future completes. */
final class VertxAwait {
    private static final long LIMIT_SECONDS = 30;

    private VertxAwait() {
    }

    /** The future's result; throws {@link IllegalStateException} naming {@code what} when it fails or hangs. */
    static <T> T result(String what, Future<T> future) throws InterruptedException {
        try {
            return future.toCompletionStage().toCompletableFuture().get(LIMIT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException(what + " failed: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException(what + " took over " + LIMIT_SECONDS + " s", e);
        }
    }

    /** For {@code close()}: waits like {@link #result}, but an interrupt ends the wait and stays set on the thread. */
    static void closing(String what, Future<?> future) {
        try {
            result(what, future);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
