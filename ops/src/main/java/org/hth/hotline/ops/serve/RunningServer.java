package org.hth.hotline.ops.serve;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.hth.hotline.core.health.HealthCheck;
import org.hth.hotline.core.health.HealthReport;
import org.hth.hotline.core.live.LiveEvents;
import org.hth.hotline.core.store.Store;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A started server. {@link #close()} stops it in the reverse order of start-up: the console (no new HTTP
 * requests, live sockets closed), Vert.x and its verticles (in-flight deliveries finish or their lease runs
 * out, so another node or the next start claims them again), the telephony (no new calls taken; calls being
 * routed finish on their workers; Asterisk sends new ones to the fallback), then the store. Thread-safe;
 * close is idempotent.
 */
public final class RunningServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(RunningServer.class);

    private final Parts parts;
    private final Store store;
    private final LiveEvents live;
    private final List<HealthCheck> checks;
    private final int consolePort;
    private final int agiPort;
    private final AtomicBoolean closed = new AtomicBoolean();

    RunningServer(Parts parts, Store store, LiveEvents live, List<HealthCheck> checks, int consolePort,
                  int agiPort) {
        this.parts = parts;
        this.store = store;
        this.live = live;
        this.checks = List.copyOf(checks);
        this.consolePort = consolePort;
        this.agiPort = agiPort;
    }

    /** The port the console HTTP server listens on. */
    public int consolePort() {
        return consolePort;
    }

    /** The port FastAGI listens on. */
    public int agiPort() {
        return agiPort;
    }

    public Store store() {
        return store;
    }

    /** Where live events are published (the console's WebSocket subscribers listen here). */
    public LiveEvents liveEvents() {
        return live;
    }

    /** Runs every health check now (blocking). */
    public HealthReport health() {
        return HealthReport.of(checks);
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        log.info("stopping");
        parts.close();
        log.info("stopped");
    }
}
