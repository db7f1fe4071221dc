package org.hth.hotline.ops.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The resident memory of this JVM ({@code VmRSS} of {@code /proc/self/status}), read now or sampled every 50 ms
 * on a thread of its own, keeping the peak. Linux only; thread-safe.
 */
final class ResidentMemory implements AutoCloseable {
    private static final Path STATUS = Path.of("/proc/self/status");

    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "bench-rss-sampler");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicLong peakKb = new AtomicLong();

    /** Whether VmRSS can be read here. */
    static boolean available() {
        return Files.isReadable(STATUS);
    }

    /** VmRSS now, in MB. */
    static double nowMb() {
        return readKb() / 1024.0;
    }

    /** Starts sampling; the peak so far is {@link #peakMb()}. */
    ResidentMemory start() {
        sampler.scheduleAtFixedRate(() -> peakKb.accumulateAndGet(readKb(), Math::max), 0, 50,
                TimeUnit.MILLISECONDS);
        return this;
    }

    double peakMb() {
        return peakKb.get() / 1024.0;
    }

    /** Starts a new peak. */
    void reset() {
        peakKb.set(0);
    }

    @Override
    public void close() {
        sampler.shutdownNow();
    }

    private static long readKb() {
        try {
            for (String line : Files.readAllLines(STATUS)) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
        return 0;
    }
}
