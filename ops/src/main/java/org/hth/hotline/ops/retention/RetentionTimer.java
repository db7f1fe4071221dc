package org.hth.hotline.ops.retention;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Calls {@link RetentionJob#tick} on one daemon thread of its own ({@code retention}), at start and then every
 * {@code interval}, so a due run starts within one interval of its time. The job decides by its clock; this
 * only wakes it. Thread-safe; {@link #close} stops the thread.
 */
public final class RetentionTimer implements AutoCloseable {
    private final ScheduledExecutorService executor;

    private RetentionTimer(ScheduledExecutorService executor) {
        this.executor = executor;
    }

    /** Starts ticking {@code job} now and every {@code interval}. */
    public static RetentionTimer start(RetentionJob job, Duration interval) {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "retention");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(job::tick, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        return new RetentionTimer(executor);
    }

    @Override
    public void close() {
        executor.shutdownNow();
        try {
            if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the retention run did not stop within 10 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
