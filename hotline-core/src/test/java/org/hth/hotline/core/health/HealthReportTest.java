package org.hth.hotline.core.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class HealthReportTest {

    private static HealthCheck check(String name, boolean critical, ComponentHealth health) {
        return new HealthCheck() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public boolean critical() {
                return critical;
            }

            @Override
            public ComponentHealth check() {
                return health;
            }
        };
    }

    @Test
    void everyPartUpIsUpAndReady() {
        HealthReport report = HealthReport.of(List.of(check("store", true, ComponentHealth.up("ok")),
                check("pbx", false, ComponentHealth.up("connected"))));

        assertThat(report.state()).isEqualTo(HealthState.UP);
        assertThat(report.ready()).isTrue();
        assertThat(report.components()).containsOnlyKeys("store", "pbx");
    }

    @Test
    void pbxNotConnectedIsDegradedButStillReady() {
        HealthReport report = HealthReport.of(List.of(check("store", true, ComponentHealth.up("ok")),
                check("pbx", false, ComponentHealth.down("not connected yet"))));

        assertThat(report.state()).isEqualTo(HealthState.DEGRADED);
        assertThat(report.ready()).isTrue();
    }

    @Test
    void storeDownIsDownAndNotReadyWhateverComesAfter() {
        HealthReport report = HealthReport.of(List.of(check("store", true, ComponentHealth.down("refused")),
                check("pbx", false, ComponentHealth.down("not connected yet")),
                check("dispatcher", false, ComponentHealth.disabled("off"))));

        assertThat(report.state()).isEqualTo(HealthState.DOWN);
        assertThat(report.ready()).isFalse();
    }
}
