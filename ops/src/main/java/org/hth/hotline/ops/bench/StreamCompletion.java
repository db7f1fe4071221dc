package org.hth.hotline.ops.bench;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts the calls a consumer has finished with during one pass of a stream: each one gives back a permit of
 * the feeder's window, and the last one completes {@link #finished()} with the time it happened. Thread-safe.
 */
final class StreamCompletion {
    private final long expected;
    private final Semaphore window;
    private final AtomicLong calls = new AtomicLong();
    private final CompletableFuture<Long> finished = new CompletableFuture<>();

    StreamCompletion(long expected, Semaphore window) {
        this.expected = expected;
        this.window = window;
    }

    /** One more call done. */
    void callDone() {
        window.release();
        if (calls.incrementAndGet() == expected) {
            finished.complete(System.nanoTime());
        }
    }

    /** Completes with {@link System#nanoTime()} of the last call. */
    CompletableFuture<Long> finished() {
        return finished;
    }

    long calls() {
        return calls.get();
    }
}
