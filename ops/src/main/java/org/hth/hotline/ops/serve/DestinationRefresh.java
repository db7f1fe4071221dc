package org.hth.hotline.ops.serve;

import java.time.Duration;

import io.vertx.core.Vertx;

import org.hth.hotline.core.destination.DestinationRegistry;
import org.hth.hotline.core.live.LiveEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps this node's {@link DestinationRegistry} in step with changes made on any node: it re-reads the saved
 * changes as soon as a {@value DestinationRegistry#CHANGED} live event arrives (in Redis mode live events cross
 * nodes through pub/sub) and, in case one was missed, every {@link #INTERVAL}. Reads run on Vert.x workers.
 * Thread-safe.
 */
final class DestinationRefresh implements AutoCloseable {
    /** How often the saved changes are re-read even without an event. */
    static final Duration INTERVAL = Duration.ofSeconds(15);
    private static final Logger log = LoggerFactory.getLogger(DestinationRefresh.class);

    private final Vertx vertx;
    private final DestinationRegistry registry;
    private final long timer;
    private final AutoCloseable subscription;

    private DestinationRefresh(Vertx vertx, DestinationRegistry registry, LiveEvents live) {
        this.vertx = vertx;
        this.registry = registry;
        this.timer = vertx.setPeriodic(INTERVAL.toMillis(), id -> refresh());
        this.subscription = live.subscribe(event -> {
            if (DestinationRegistry.CHANGED.equals(event.type())) {
                refresh();
            }
        });
    }

    static DestinationRefresh start(Vertx vertx, DestinationRegistry registry, LiveEvents live) {
        return new DestinationRefresh(vertx, registry, live);
    }

    private void refresh() {
        vertx.executeBlocking(() -> {
            registry.refresh();
            return null;
        }, false).onFailure(e -> log.warn("re-reading the destinations' saved changes failed: {}", e.toString()));
    }

    @Override
    public void close() {
        vertx.cancelTimer(timer);
        try {
            subscription.close();
        } catch (Exception e) {
            log.warn("unsubscribing from live events failed: {}", e.toString());
        }
    }
}
