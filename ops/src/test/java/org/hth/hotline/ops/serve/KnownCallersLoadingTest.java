package org.hth.hotline.ops.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.hth.hotline.core.config.RetentionConfig;
import org.hth.hotline.core.config.StoreKind;
import org.hth.hotline.core.live.InProcessLiveEvents;
import org.hth.hotline.core.store.sqlite.SqliteStore;
import org.hth.hotline.core.telephony.agi.KnownCallers;
import org.hth.hotline.core.testing.Fixtures;
import org.hth.hotline.core.testing.MutableClock;
import org.hth.hotline.ops.retention.RetentionJob;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The known callers as {@code serve} keeps them on SQLite: read at start, and read again when a retention run
 * announces itself, so that a caller whose records it anonymised is forgotten (their next call hears the menu
 * without a read of their history).
 */
class KnownCallersLoadingTest {
    private static final Instant START = Instant.parse("2026-11-22T03:30:00Z");
    private static final RetentionConfig ONE_YEAR = new RetentionConfig(Duration.ofDays(365), LocalTime.of(3, 30));

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(START);
    private final InProcessLiveEvents live = new InProcessLiveEvents();
    private SqliteStore store;
    private KnownCallersLoading loading;

    @BeforeEach
    void open() {
        store = SqliteStore.open(dir.resolve("hotline.db"), clock);
        store.calls().save(Fixtures.abandonedCall("old", START.minus(Duration.ofDays(400)), "caller-old"));
        store.calls().save(Fixtures.abandonedCall("recent", START.minus(Duration.ofDays(10)), "caller-recent"));
    }

    @AfterEach
    void close() {
        if (loading != null) {
            loading.close();
        }
        store.close();
    }

    @Test
    void aCallerAnonymisedByARetentionRunIsForgottenAndTheOthersKept() {
        loading = KnownCallersLoading.start(StoreKind.SQLITE, store, live);
        KnownCallers known = loading.knownCallers();
        // the start-up read is done once a caller without records is known to have none
        await().atMost(Duration.ofSeconds(10)).until(() -> !known.mayHaveCalled("someone-new"));
        assertThat(known.mayHaveCalled("caller-old")).isTrue();
        assertThat(known.mayHaveCalled("caller-recent")).isTrue();

        new RetentionJob(store.retention(), ONE_YEAR, dir, clock, new SimpleMeterRegistry(), live).tick();

        await().atMost(Duration.ofSeconds(10)).until(() -> !known.mayHaveCalled("caller-old"));
        assertThat(known.mayHaveCalled("caller-recent")).isTrue();
    }

    @Test
    void onRedisEveryCallerStaysUnknownSoTheirHistoryIsAlwaysRead() {
        loading = KnownCallersLoading.start(StoreKind.REDIS, store, live);

        assertThat(loading.knownCallers().mayHaveCalled("caller-old")).isTrue();
        assertThat(loading.knownCallers().mayHaveCalled("someone-new")).isTrue();
    }
}
