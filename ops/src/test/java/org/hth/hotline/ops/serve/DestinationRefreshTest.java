package org.hth.hotline.ops.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import io.vertx.core.Vertx;

import org.hth.hotline.core.destination.DestinationRegistry;
import org.hth.hotline.core.destination.TestDestinations;
import org.hth.hotline.core.live.InProcessLiveEvents;
import org.hth.hotline.core.store.sqlite.SqliteStore;
import org.hth.hotline.core.testing.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DestinationRefreshTest {
    @TempDir
    Path dir;

    @Test
    void aChangeMadeOnAnotherNodeIsSeenAfterItsLiveEvent() throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-22T02:00:00Z"));
        InProcessLiveEvents shared = new InProcessLiveEvents();
        Vertx vertx = Vertx.vertx();
        try (SqliteStore store = SqliteStore.open(dir.resolve("hotline.db"), clock)) {
            DestinationRegistry here = new DestinationRegistry(TestDestinations.sample(), store.destinations(), shared,
                    clock);
            DestinationRegistry there = new DestinationRegistry(TestDestinations.sample(), store.destinations(), shared,
                    clock);
            DestinationRefresh refresh = DestinationRefresh.start(vertx, here, shared);
            try {
                there.change("uds-asl3-4", Optional.empty(), Optional.of(false), "coord");

                await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                        assertThat(here.current().find("uds-asl3-4").orElseThrow().enabled()).isFalse());
                assertThat(here.overrideOf("uds-asl3-4")).hasValueSatisfying(o ->
                        assertThat(o.changedBy()).isEqualTo("coord"));
            } finally {
                refresh.close();
            }
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }
}
