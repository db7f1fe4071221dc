package org.hth.hotline.ops.retention;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import io.micrometer.core.instrument.MeterRegistry;

import org.hth.hotline.core.config.RetentionConfig;
import org.hth.hotline.core.live.LiveEvent;
import org.hth.hotline.core.live.LiveEvents;
import org.hth.hotline.core.retention.Anonymised;
import org.hth.hotline.core.retention.RetentionRun;
import org.hth.hotline.core.retention.RetentionSchedule;
import org.hth.hotline.core.retention.RetentionStatus;
import org.hth.hotline.core.store.RetentionStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Erases personal data past {@code retention.period} once a day at {@code retention.runAt} (Europe/Rome), and
 * once at start-up when the last run is more than a day old. {@link #tick} decides by the injected clock whether
 * a run is due; {@link RetentionTimer} calls it on its own thread (the store blocks). Logs one line per run, with
 * counts only, and publishes the live event {@value #RAN} with the same counts (the coordinators' deliveries page
 * shows it at once). Thread-safe: runs are serialised; {@link RetentionStatus} answers from memory.
 */
public final class RetentionJob implements RetentionStatus {
    private static final Logger log = LoggerFactory.getLogger(RetentionJob.class);
    private static final Duration RETRY_AFTER_FAILURE = Duration.ofHours(1);
    /** The live event of a finished run: {@code at}, and {@code calls}, {@code tickets}, {@code callbackNumbers}. */
    public static final String RAN = "retention.ran";

    private final RetentionStore store;
    private final RetentionConfig config;
    private final RetentionSchedule schedule;
    private final LastRunFile file;
    private final RetentionMeters meters;
    private final Clock clock;
    private final LiveEvents live;
    private final AtomicReference<Optional<RetentionRun>> last;
    private final AtomicReference<Instant> next;

    public RetentionJob(RetentionStore store, RetentionConfig config, Path dataDir, Clock clock,
                        MeterRegistry registry, LiveEvents live) {
        this.store = Objects.requireNonNull(store, "store");
        this.config = Objects.requireNonNull(config, "config");
        this.schedule = new RetentionSchedule(config.runAt(), RetentionConfig.ZONE);
        this.file = new LastRunFile(dataDir);
        this.meters = new RetentionMeters(registry);
        this.clock = Objects.requireNonNull(clock, "clock");
        this.live = Objects.requireNonNull(live, "live");
        Optional<RetentionRun> recorded = file.read();
        recorded.ifPresent(meters::restore);
        this.last = new AtomicReference<>(recorded);
        Instant now = clock.instant();
        boolean stale = recorded.map(r -> !r.at().isAfter(now.minus(Duration.ofDays(1)))).orElse(true);
        this.next = new AtomicReference<>(stale ? now : schedule.nextAfter(now));
    }

    /** Runs the job when it is due; returns the run, or empty when none was due or it failed (logged). */
    public synchronized Optional<RetentionRun> tick() {
        Instant now = clock.instant();
        if (now.isBefore(next.get())) {
            return Optional.empty();
        }
        try {
            RetentionRun run = run(now);
            next.set(schedule.nextAfter(now));
            return Optional.of(run);
        } catch (RuntimeException e) {
            Instant retry = now.plus(RETRY_AFTER_FAILURE);
            log.warn("retention: the run failed ({}: {}); next try at {}", e.getClass().getSimpleName(),
                    e.getMessage(), retry);
            next.set(retry);
            return Optional.empty();
        }
    }

    private RetentionRun run(Instant now) {
        Instant cutoff = now.minus(config.period());
        Anonymised anonymised = store.anonymiseBefore(cutoff);
        int numbers = store.eraseExpiredCallbackNumbers(now);
        RetentionRun run = RetentionRun.of(now, anonymised, numbers);
        file.write(run);
        last.set(Optional.of(run));
        meters.record(run);
        log.info("retention: anonymised {} calls and {} tickets older than {}, erased {} expired callback numbers",
                run.calls(), run.tickets(), cutoff, run.callbackNumbers());
        announce(run);
        return run;
    }

    /** The run is done and recorded whatever happens here: a live event that cannot go out is only logged. */
    private void announce(RetentionRun run) {
        try {
            live.publish(new LiveEvent(RAN, run.at(), Map.of("calls", run.calls(), "tickets", run.tickets(),
                    "callbackNumbers", run.callbackNumbers())));
        } catch (RuntimeException e) {
            log.warn("retention: the {} live event was not published ({})", RAN, e.getClass().getSimpleName());
        }
    }

    @Override
    public Duration period() {
        return config.period();
    }

    @Override
    public Optional<RetentionRun> lastRun() {
        return last.get();
    }

    @Override
    public Instant nextRun() {
        return next.get();
    }
}
