package org.hth.hotline.console.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import io.vertx.core.json.JsonObject;

import org.hth.hotline.console.testing.ApiServer;
import org.hth.hotline.core.config.ConsoleConfig;
import org.hth.hotline.core.retention.RetentionRun;
import org.hth.hotline.core.retention.RetentionStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RetentionRoutesIT {
    private static final Instant NEXT = Instant.parse("2026-11-22T02:30:00Z");

    @TempDir
    Path dir;
    ApiServer server;
    final AtomicReference<Optional<RetentionRun>> last = new AtomicReference<>(Optional.empty());

    @BeforeEach
    void start() throws Exception {
        RetentionStatus status = new RetentionStatus() {
            @Override
            public Duration period() {
                return Duration.ofDays(365);
            }

            @Override
            public Optional<RetentionRun> lastRun() {
                return last.get();
            }

            @Override
            public Instant nextRun() {
                return NEXT;
            }
        };
        server = new ApiServer(dir, new ConsoleConfig("127.0.0.1", 0, ApiServer.PUBLIC_URL),
                api -> api.withRoutes(new RetentionRoutes(status)), List.of());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void coordinatorSeesPeriodLastRunAndNextRun() {
        last.set(Optional.of(new RetentionRun(Instant.parse("2026-11-21T02:30:00Z"), 12, 3, 1)));

        JsonObject body = server.loggedIn("carla").get("/api/retention").assertStatus(200).json();

        assertThat(body.getString("period")).isEqualTo("PT8760H");
        assertThat(body.getLong("periodDays")).isEqualTo(365);
        assertThat(body.getString("nextRun")).isEqualTo("2026-11-22T02:30:00Z");
        assertThat(body.getJsonObject("lastRun")).isEqualTo(new JsonObject().put("at", "2026-11-21T02:30:00Z")
                .put("calls", 12).put("tickets", 3).put("callbackNumbers", 1));
    }

    @Test
    void beforeTheFirstRunTheLastRunIsNull() {
        JsonObject body = server.loggedIn("carla").get("/api/retention").assertStatus(200).json();

        assertThat(body.containsKey("lastRun")).isTrue();
        assertThat(body.getValue("lastRun")).isNull();
    }

    @Test
    void anOperatorGets403() {
        server.loggedIn("anna").get("/api/retention").assertStatus(403);
    }

    @Test
    void withoutASessionItIs401() {
        server.anonymous().get("/api/retention").assertStatus(401);
    }
}
