package org.hth.hotline.ops.serve;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.vertx.core.Vertx;

import org.hth.hotline.core.health.HealthCheck;
import org.hth.hotline.core.health.HealthReport;
import org.hth.hotline.core.store.Store;
import org.hth.hotline.ops.metrics.Metrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A started server. {@link #close()} stops it in the reverse order of start-up: no new calls taken (calls
 * being routed finish on their workers; Asterisk sends new ones to the fallback), no new HTTP requests,
 * the verticles stopped (in-flight deliveries finish or their lease runs out, so another node or the
 * next start claims them again), then the store is closed. Thread-safe; close is idempotent.
 */
public final class RunningServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(RunningServer.class);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(20);

    private final Vertx vertx;
    private final Store store;
    private final Metrics metrics;
    private final Telephony telephony;
    private final List<HealthCheck> checks;
    private final int consolePort;
    private final AtomicBoolean closed = new AtomicBoolean();

    RunningServer(Vertx vertx, Store store, Metrics metrics, Telephony telephony, List<HealthCheck> checks,
                  int consolePort) {
        this.vertx = vertx;
        this.store = store;
        this.metrics = metrics;
        this.telephony = telephony;
        this.checks = List.copyOf(checks);
        this.consolePort = consolePort;
    }

    /** The port the console HTTP server listens on. */
    public int consolePort() {
        return consolePort;
    }

    /** The port FastAGI listens on. */
    public int agiPort() {
        return telephony.agiPort();
    }

    public Store store() {
        return store;
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
        telephony.close();
        try {
            vertx.close().toCompletionStage().toCompletableFuture().get(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (Exception e) {
            log.warn("Vert.x did not stop within {}: {}", STOP_TIMEOUT, e.toString());
        }
        store.close();
        metrics.close();
        log.info("stopped");
    }
}
