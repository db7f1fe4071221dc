package org.hth.hotline.ops.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.hth.hotline.core.call.CallRecord;
import org.hth.hotline.core.store.CallStore;

/**
 * Fills a store with generated records through the store contract's bulk path, {@link CallStore#saveAll}, in
 * batches of {@link #BATCH} records on several threads (interleaved, so the threads write neighbouring days, as calls arrive), and
 * says how long it took. Blocks the caller until done.
 */
final class BulkLoader {
    static final int THREADS = 4;
    static final int BATCH = 1_000;

    private BulkLoader() {
    }

    /** Saves every record of the generator; returns records per second. */
    static double load(CallStore store, CallRecordGenerator generator, Progress progress, String label)
            throws InterruptedException, ExecutionException {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS, runnable -> {
            Thread thread = new Thread(runnable, "bench-loader");
            thread.setDaemon(true);
            return thread;
        });
        AtomicInteger done = new AtomicInteger();
        int tenth = Math.max(1, generator.count() / 10);
        long start = System.nanoTime();
        try {
            List<Future<?>> parts = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int first = t;
                parts.add(pool.submit(() -> {
                    List<CallRecord> batch = new ArrayList<>(BATCH);
                    for (int i = first; i < generator.count(); i += THREADS) {
                        batch.add(generator.record(i));
                        if (batch.size() == BATCH || i + THREADS >= generator.count()) {
                            store.saveAll(batch);
                            int before = done.getAndAdd(batch.size());
                            if ((before + batch.size()) / tenth > before / tenth) {
                                progress.say("calllog", label + " loaded " + (before + batch.size()) + " / "
                                        + generator.count());
                            }
                            batch = new ArrayList<>(BATCH);
                        }
                    }
                }));
            }
            for (Future<?> part : parts) {
                part.get();
            }
        } finally {
            pool.shutdownNow();
        }
        return generator.count() / ((System.nanoTime() - start) / 1e9);
    }
}
