package org.hth.hotline.ops.retention;

import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.hth.hotline.core.retention.RetentionRun;

/**
 * The retention job's meters: {@code hotline_retention_runs_total}, {@code hotline_retention_erased_total{kind}}
 * ({@code call}, {@code ticket}, {@code callback_number}) and {@code hotline_retention_last_run_seconds} (the
 * last run's time, epoch seconds; 0 before the first). Thread-safe.
 */
final class RetentionMeters {
    private final Counter runs;
    private final Counter calls;
    private final Counter tickets;
    private final Counter callbackNumbers;
    private final AtomicLong lastRun = new AtomicLong();

    RetentionMeters(MeterRegistry registry) {
        runs = Counter.builder("hotline.retention.runs").description("Runs of the retention job").register(registry);
        calls = erased(registry, "call");
        tickets = erased(registry, "ticket");
        callbackNumbers = erased(registry, "callback_number");
        Gauge.builder("hotline.retention.last.run", lastRun, AtomicLong::get).baseUnit("seconds")
                .description("When the retention job last ran, epoch seconds").register(registry);
    }

    private static Counter erased(MeterRegistry registry, String kind) {
        return Counter.builder("hotline.retention.erased").tag("kind", kind)
                .description("Records whose personal data the retention job erased").register(registry);
    }

    /** Shows a run recorded before this start (the gauge only). */
    void restore(RetentionRun run) {
        lastRun.set(run.at().getEpochSecond());
    }

    void record(RetentionRun run) {
        runs.increment();
        calls.increment(run.calls());
        tickets.increment(run.tickets());
        callbackNumbers.increment(run.callbackNumbers());
        lastRun.set(run.at().getEpochSecond());
    }
}
