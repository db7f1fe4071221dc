package org.hth.hotline.ops.bench;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

/** Waits for a condition by checking it every 10 ms on a scheduler (no sleeping thread). */
final class Await {
    private Await() {
    }

    /** Returns once {@code condition} holds; throws {@link TimeoutException} naming {@code what} after {@code limit}. */
    static void until(String what, BooleanSupplier condition, Duration limit)
            throws InterruptedException, TimeoutException {
        ScheduledExecutorService checker = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "bench-await");
            thread.setDaemon(true);
            return thread;
        });
        CompletableFuture<Void> done = new CompletableFuture<>();
        try {
            ScheduledFuture<?> check = checker.scheduleWithFixedDelay(() -> {
                if (condition.getAsBoolean()) {
                    done.complete(null);
                }
            }, 0, 10, TimeUnit.MILLISECONDS);
            try {
                done.get(limit.toMillis(), TimeUnit.MILLISECONDS);
            } catch (ExecutionException e) {
                throw new IllegalStateException(e.getCause());
            } catch (TimeoutException e) {
                throw new TimeoutException("waited " + limit + " for " + what);
            } finally {
                check.cancel(false);
            }
        } finally {
            checker.shutdownNow();
        }
    }
}
