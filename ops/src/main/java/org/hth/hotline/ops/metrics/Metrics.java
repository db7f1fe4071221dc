package org.hth.hotline.ops.metrics;

import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.ext.web.Router;

import org.hth.hotline.console.RouteMount;

/**
 * The server's one meter registry, with the JVM's meters bound, and the route that serves it. Made once
 * by the server assembly and closed with it. Thread-safe.
 */
public final class Metrics implements AutoCloseable {
    private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final JvmGcMetrics gc = new JvmGcMetrics();

    public Metrics() {
        new ClassLoaderMetrics().bindTo(registry);
        new JvmMemoryMetrics().bindTo(registry);
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
    }

    public PrometheusMeterRegistry registry() {
        return registry;
    }

    /** {@code GET /metrics}: the Prometheus text exposition. Scraping does not block. */
    public RouteMount route() {
        return (Router router) -> router.get("/metrics").handler(ctx -> ctx.response()
                .putHeader("Content-Type", PROMETHEUS_TEXT)
                .end(registry.scrape()));
    }

    @Override
    public void close() {
        gc.close();
        registry.close();
    }
}
