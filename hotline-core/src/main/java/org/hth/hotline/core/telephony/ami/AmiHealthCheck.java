package org.hth.hotline.core.telephony.ami;

import java.time.Duration;
import java.util.Map;

import org.hth.hotline.core.health.ComponentHealth;
import org.hth.hotline.core.health.HealthCheck;

/**
 * The {@code pbx} health check: up while the AMI connection is logged in. Not critical: calls still reach the
 * route script without AMI; only their records wait. Thread-safe.
 */
public final class AmiHealthCheck implements HealthCheck {
    private final AmiConnection connection;

    public AmiHealthCheck(AmiConnection connection) {
        this.connection = connection;
    }

    @Override
    public String name() {
        return "pbx";
    }

    @Override
    public boolean critical() {
        return false;
    }

    @Override
    public ComponentHealth check() {
        AmiStatus status = connection.status();
        String address = connection.settings().address();
        Map<String, Object> facts = Map.of("address", address, "state", status.state().name(),
                "since", status.since().toString());
        if (status.state() == AmiStatus.State.CONNECTED) {
            return ComponentHealth.up("connected to " + address + " since " + status.since()).with(facts);
        }
        String prefix = status.everConnected() ? "PBX connection lost" : "PBX not connected yet";
        String detail = status.state() == AmiStatus.State.CONNECTING
                ? prefix + ": connecting to " + address + status.lastError().map(e -> " (last error: " + e + ")").orElse("")
                : prefix + ": " + status.lastError().orElse("disconnected from " + address)
                        + status.retryIn().map(wait -> ", retrying in " + human(wait)).orElse("");
        return ComponentHealth.down(detail).with(facts);
    }

    private static String human(Duration wait) {
        long millis = wait.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
    }
}
