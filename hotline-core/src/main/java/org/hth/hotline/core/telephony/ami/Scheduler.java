package org.hth.hotline.core.telephony.ami;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs a task later, on the thread that owns the caller's state (the tracker's thread in production; the test's
 * thread when a test drives it). Implementations are thread-safe.
 */
@FunctionalInterface
public interface Scheduler {

    /** Runs {@code task} after {@code delay}; the handle cancels it if it has not run yet. */
    Cancellable schedule(Duration delay, Runnable task);

    /** A scheduled task that can still be called off. */
    @FunctionalInterface
    interface Cancellable {
        void cancel();
    }

    /** A scheduler on an executor: the tasks run on that executor's thread. */
    static Scheduler on(ScheduledExecutorService executor) {
        return (delay, task) -> {
            ScheduledFuture<?> future = executor.schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS);
            return () -> future.cancel(false);
        };
    }
}
