package org.hth.hotline.ops.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.Optional;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import org.hth.hotline.core.config.RetentionConfig;
import org.hth.hotline.core.live.InProcessLiveEvents;
import org.hth.hotline.core.live.LiveEvent;
import org.hth.hotline.core.privacy.NumberSealer;
import org.hth.hotline.core.referral.Territory;
import org.hth.hotline.core.referral.Ticket;
import org.hth.hotline.core.retention.Anonymised;
import org.hth.hotline.core.retention.RetentionRun;
import org.hth.hotline.core.store.RetentionStore;
import org.hth.hotline.core.store.StoreException;
import org.hth.hotline.core.store.sqlite.SqliteStore;
import org.hth.hotline.core.testing.Fixtures;
import org.hth.hotline.core.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RetentionJobTest {
    /** Noon in Rome the day before the clocks go forward (2026-03-29). */
    private static final Instant START = Instant.parse("2026-03-28T11:00:00Z");
    private static final RetentionConfig CONFIG = new RetentionConfig(Duration.ofDays(365), LocalTime.of(3, 30));

    @TempDir
    Path dir;
    final MutableClock clock = new MutableClock(START);
    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    SqliteStore store;

    private final InProcessLiveEvents live = new InProcessLiveEvents();
    private final List<LiveEvent> published = new CopyOnWriteArrayList<>();

    @BeforeEach
    void open() {
        store = SqliteStore.open(dir.resolve("hotline.db"), clock);
        live.subscribe(published::add);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private RetentionJob job() {
        return new RetentionJob(store.retention(), CONFIG, dir, clock, registry, live);
    }

    @Test
    void withNoRecordedRunItRunsAtStartUpThenAtHalfPastThreeInRomeAcrossTheClockChange() {
        RetentionJob job = job();

        assertThat(job.nextRun()).isEqualTo(START);
        assertThat(job.tick()).hasValueSatisfying(run -> assertThat(run.at()).isEqualTo(START));
        assertThat(job.nextRun()).isEqualTo("2026-03-29T01:30:00Z"); // 03:30 CEST, the first night of summer time
        clock.set(Instant.parse("2026-03-29T01:29:59Z"));
        assertThat(job.tick()).isEmpty();
        clock.set(Instant.parse("2026-03-29T01:30:00Z"));
        assertThat(job.tick()).isPresent();
        assertThat(job.tick()).isEmpty();
        assertThat(job.nextRun()).isEqualTo("2026-03-30T01:30:00Z");
    }

    @Test
    void aRunErasesWhatIsPastTheRetentionPeriodAndExpiredCallbackNumbers() {
        store.calls().save(Fixtures.answeredCall("old", START.minus(Duration.ofDays(400)), "op-anna", "en",
                Territory.ASL1));
        store.calls().save(Fixtures.answeredCall("new", START.minus(Duration.ofDays(10)), "op-anna", "en",
                Territory.ASL1));
        store.tickets().create(Fixtures.ticket("t-old", START.minus(Duration.ofDays(400))), List.of());
        store.tickets().create(withNumber(Fixtures.ticket("t-cb", START.minus(Duration.ofDays(4))),
                START.minus(Duration.ofDays(1))), List.of());

        RetentionRun run = job().tick().orElseThrow();

        assertThat(run).isEqualTo(new RetentionRun(START, 1, 1, 1));
        assertThat(store.calls().find("old").orElseThrow().notes()).isEmpty();
        assertThat(store.calls().find("new").orElseThrow().notes()).isNotEmpty();
        assertThat(store.tickets().find("t-cb").orElseThrow().sealedCallbackNumber()).isEmpty();
        assertThat(registry.get("hotline.retention.runs").counter().count()).isEqualTo(1);
        assertThat(registry.get("hotline.retention.erased").tag("kind", "call").counter().count()).isEqualTo(1);
        assertThat(registry.get("hotline.retention.erased").tag("kind", "ticket").counter().count()).isEqualTo(1);
        assertThat(registry.get("hotline.retention.erased").tag("kind", "callback_number").counter().count())
                .isEqualTo(1);
        assertThat(registry.get("hotline.retention.last.run").gauge().value()).isEqualTo(START.getEpochSecond());
        assertThat(published).singleElement().isEqualTo(new LiveEvent(RetentionJob.RAN, START,
                Map.of("calls", 1, "tickets", 1, "callbackNumbers", 1)));
    }

    @Test
    void theLastRunIsRecordedAndAfterARestartWithinADayItWaitsForHalfPastThree() {
        job().tick();
        clock.advance(Duration.ofHours(2));

        RetentionJob restarted = new RetentionJob(store.retention(), CONFIG, dir, clock, new SimpleMeterRegistry(),
                live);

        assertThat(restarted.lastRun()).contains(new RetentionRun(START, 0, 0, 0));
        assertThat(restarted.nextRun()).isEqualTo("2026-03-29T01:30:00Z");
        assertThat(restarted.tick()).isEmpty();
    }

    @Test
    void afterARestartMoreThanADayLaterItRunsAtOnce() {
        job().tick();
        clock.advance(Duration.ofHours(25));

        RetentionJob restarted = job();

        assertThat(restarted.nextRun()).isEqualTo(clock.instant());
        assertThat(restarted.tick()).isPresent();
    }

    @Test
    void aFailedRunIsTriedAgainAnHourLaterAndRecordsNothing() {
        RetentionStore failing = new RetentionStore() {
            @Override
            public Anonymised anonymiseBefore(Instant cutoff) {
                throw new StoreException("the disk is full");
            }

            @Override
            public int eraseExpiredCallbackNumbers(Instant now) {
                return 0;
            }

            @Override
            public boolean eraseCallbackNumber(String ticketId) {
                return false;
            }
        };
        RetentionJob job = new RetentionJob(failing, CONFIG, dir, clock, registry, live);

        assertThat(job.tick()).isEmpty();

        assertThat(job.lastRun()).isEmpty();
        assertThat(job.nextRun()).isEqualTo(START.plus(Duration.ofHours(1)));
        assertThat(registry.get("hotline.retention.runs").counter().count()).isZero();
        assertThat(published).as("no live event for a run that failed").isEmpty();
    }

    private static Ticket withNumber(Ticket t, Instant expiry) {
        String sealed = new NumberSealer(new byte[32]).seal("+393331234567", expiry);
        return new Ticket(t.id(), t.kind(), t.createdAt(), t.createdBy(), t.callId(), t.accessChannel(),
                t.exploitation(), t.person(), t.needs(), t.urgency(), t.territory(), t.consent(), t.summary(),
                t.destinations(), t.status(), t.history(), Optional.of(sealed));
    }
}
