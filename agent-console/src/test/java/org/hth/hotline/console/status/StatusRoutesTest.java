package org.hth.hotline.console.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

import org.hth.hotline.console.api.Blocking;
import org.hth.hotline.core.health.ComponentHealth;
import org.hth.hotline.core.health.HealthCheck;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class StatusRoutesTest {
    private final Vertx vertx = Vertx.vertx();

    @AfterEach
    void close() {
        vertx.close();
    }

    private static HealthCheck check(String name, ComponentHealth health) {
        return new HealthCheck() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public boolean critical() {
                return false;
            }

            @Override
            public ComponentHealth check() {
                return health;
            }
        };
    }

    @Test
    void pbxDownIsReportedWithItsDetailAndTheOthersWithTheirStateOnly() {
        StatusRoutes routes = new StatusRoutes(List.of(
                check("store", ComponentHealth.up("sqlite at /srv/hotline/hotline.db").with(Map.of("path", "/srv"))),
                check("pbx", ComponentHealth.down("not connected to 127.0.0.1:5038: connection refused")
                        .with(Map.of("secret", "s3cr3t"))),
                check("dispatcher", ComponentHealth.up("3 destinations").with(Map.of("pending", 2)))),
                new Blocking(vertx));

        JsonObject report = routes.report();

        assertThat(report.getJsonObject("pbx").getString("state")).isEqualTo("DOWN");
        assertThat(report.getJsonObject("pbx").getString("detail")).startsWith("not connected");
        assertThat(report.getJsonObject("store").fieldNames()).containsExactly("state");
        assertThat(report.getJsonObject("dispatcher").fieldNames()).containsExactly("state");
        assertThat(report.encode()).doesNotContain("s3cr3t", "/srv", "pending");
    }
}
