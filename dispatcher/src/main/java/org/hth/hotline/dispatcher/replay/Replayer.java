package org.hth.hotline.dispatcher.replay;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.hth.hotline.core.outbox.ReplaySelection;
import org.hth.hotline.core.store.OutboxStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts dead letters back in the outbox, due now, for the dispatcher to send again (same
 * {@code webhook-id}). The store call runs on a worker thread; the future completes on the caller's
 * context. Thread-safe.
 */
public final class Replayer {
    private static final Logger log = LoggerFactory.getLogger(Replayer.class);
    private final Vertx vertx;
    private final OutboxStore outbox;

    public Replayer(Vertx vertx, OutboxStore outbox) {
        this.vertx = vertx;
        this.outbox = outbox;
    }

    /** How many dead letters were put back. */
    public Future<Integer> replay(ReplaySelection selection) {
        return vertx.executeBlocking(() -> outbox.replay(selection), false)
                .onSuccess(n -> log.info("replayed {} dead letter(s) ({})", n, selection));
    }
}
