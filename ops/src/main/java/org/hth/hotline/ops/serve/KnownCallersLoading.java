package org.hth.hotline.ops.serve;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.hth.hotline.core.config.StoreKind;
import org.hth.hotline.core.live.LiveEvents;
import org.hth.hotline.core.store.Store;
import org.hth.hotline.core.telephony.agi.KnownCallers;
import org.hth.hotline.ops.retention.RetentionJob;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the route script's {@link KnownCallers} read. On the embedded SQLite store, which only this process
 * writes (the call tracker through {@link KnownCallers#recording}), it reads them at start and again after each
 * retention run ({@value RetentionJob#RAN}: anonymised callers are forgotten), one read after the other on a
 * thread of its own (the store blocks; start-up and the event's publisher must not). On Redis, which other nodes
 * write too, the callers stay unknown (the script reads each caller's history) and nothing runs. Thread-safe.
 */
final class KnownCallersLoading implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(KnownCallersLoading.class);

    private final KnownCallers known;
    private final ExecutorService loader;
    private final AutoCloseable subscription;

    private KnownCallersLoading(KnownCallers known, ExecutorService loader, AutoCloseable subscription) {
        this.known = known;
        this.loader = loader;
        this.subscription = subscription;
    }

    static KnownCallersLoading start(StoreKind kind, Store store, LiveEvents live) {
        if (kind != StoreKind.SQLITE) {
            return new KnownCallersLoading(KnownCallers.unknown(), null, () -> { });
        }
        KnownCallers known = KnownCallers.ofSoleWriter();
        ExecutorService loader = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "known-callers");
            thread.setDaemon(true);
            return thread;
        });
        Runnable load = () -> known.load(store.calls());
        loader.execute(load);
        AutoCloseable subscription = live.subscribe(event -> {
            if (RetentionJob.RAN.equals(event.type()) && !loader.isShutdown()) {
                loader.execute(load);
            }
        });
        return new KnownCallersLoading(known, loader, subscription);
    }

    KnownCallers knownCallers() {
        return known;
    }

    @Override
    public void close() {
        try {
            subscription.close();
        } catch (Exception e) {
            log.debug("the retention subscription did not close ({})", e.getClass().getSimpleName());
        }
        if (loader != null) {
            loader.shutdownNow();
        }
    }
}
