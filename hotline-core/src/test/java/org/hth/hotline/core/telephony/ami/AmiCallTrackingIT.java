package org.hth.hotline.core.telephony.ami;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import org.hth.hotline.core.call.CallOutcome;
import org.hth.hotline.core.call.CallRecord;
import org.hth.hotline.core.health.HealthState;
import org.hth.hotline.core.live.InProcessLiveEvents;
import org.hth.hotline.core.live.LiveEvent;
import org.junit.jupiter.api.Test;

class AmiCallTrackingIT {
    private static final String CALLER = "Local/800290290@numero-verde-0000001a;2";
    private static final String CALLER_UID = "1795304357.53";
    private static final String CALL = "1795304357.52";

    /** Fixture 01's bytes with VarSets of our variables before the script's Dial. */
    private static byte[] fixture01WithOurVariables() {
        byte[] wire = AmiWire.bytes("/fixtures/asterisk/01-answered/ami.wire");
        int dialAt = 11799; // offset of AGIExecStart 'EXEC Dial' in ami-timeline.txt
        assertThat(new String(wire, dialAt, 19, StandardCharsets.UTF_8)).isEqualTo("Event: AGIExecStart");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(wire, 0, dialAt);
        for (Map.Entry<String, String> variable : List.of(Map.entry("HOTLINE_CALLER", "ps-7f3a9c"),
                Map.entry("HOTLINE_STEP", "1"), Map.entry("HOTLINE_LINE", "800290290"))) {
            out.writeBytes(AmiWire.wire(AmiWire.varSet(CALLER, CALLER_UID, CALL, variable.getKey(), variable.getValue()))
                    .getBytes(StandardCharsets.UTF_8));
        }
        out.write(wire, dialAt, wire.length - dialAt);
        return out.toByteArray();
    }

    @Test
    void recordsTheCallOverARealSocketAndReconnectsAfterADrop() throws Exception {
        InMemoryCallStore store = new InMemoryCallStore();
        InProcessLiveEvents live = new InProcessLiveEvents();
        List<LiveEvent> events = new CopyOnWriteArrayList<>();
        live.subscribe(events::add);
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (TinyAmiServer server = new TinyAmiServer(fixture01WithOurVariables())) {
            AmiSettings settings = new AmiSettings("127.0.0.1", server.port(), "hotline", "hotline-secret",
                    Duration.ofSeconds(2), Duration.ofMillis(100), Duration.ofMillis(400), Duration.ofMinutes(1));
            AmiCallTracking tracking = new AmiCallTracking(settings, new TrackerSettings(Duration.ofMillis(200),
                    Duration.ofMinutes(2), Duration.ofHours(12), Duration.ofSeconds(30)), store, live,
                    () -> CallTrackerTest.ROSTER, Clock.systemUTC(), registry);
            AmiHealthCheck health = tracking.healthCheck();
            tracking.start();
            try {
                await().atMost(Duration.ofSeconds(20)).until(() -> store.find(CALL).isPresent());
                CallRecord call = store.find(CALL).orElseThrow();
                assertThat(call.outcome()).isEqualTo(CallOutcome.ANSWERED);
                assertThat(call.callerPseudonym()).contains("ps-7f3a9c");
                assertThat(call.answeredBy()).contains("op-anna");
                assertThat(call.language()).contains("en");
                assertThat(call.attempts()).hasSize(1);
                assertThat(call.toString()).doesNotContain("3331234567");
                assertThat(health.check().state()).isEqualTo(HealthState.UP);
                assertThat(health.check().detail()).startsWith("connected to 127.0.0.1:" + server.port() + " since ");
                assertThat(registry.get("hotline.ami.connected").gauge().value()).isEqualTo(1.0);
                assertThat(registry.get("hotline.ami.events").tag("type", "DialBegin").counter().count()).isEqualTo(2);

                server.dropClient();
                await().atMost(Duration.ofSeconds(10))
                        .until(() -> tracking.connection().status().state() == AmiStatus.State.DISCONNECTED);
                assertThat(health.check().state()).isEqualTo(HealthState.DOWN);
                assertThat(health.check().detail()).startsWith("PBX connection lost: ");
                assertThat(registry.get("hotline.ami.connected").gauge().value()).isEqualTo(0.0);

                server.listenAgain();
                await().atMost(Duration.ofSeconds(10))
                        .until(() -> tracking.connection().status().state() == AmiStatus.State.CONNECTED);
                assertThat(events).filteredOn(e -> e.type().equals("pbx.connection"))
                        .extracting(e -> e.data().get("state")).containsSubsequence("CONNECTED", "DISCONNECTED",
                                "CONNECTED");
                assertThat(store.saves).hasSize(1);
            } finally {
                tracking.stop();
            }
        }
    }

    @Test
    void aRefusedFirstLoginIsRetriedWithBackoff() throws Exception {
        int port;
        try (java.net.ServerSocket probe = new java.net.ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        AmiSettings settings = new AmiSettings("127.0.0.1", port, "hotline", "s", Duration.ofSeconds(1),
                Duration.ofMillis(100), Duration.ofMillis(800), Duration.ofMinutes(1));
        AmiConnection connection = new AmiConnection(settings, Clock.systemUTC(), new SimpleMeterRegistry(),
                new InProcessLiveEvents(), event -> { });
        AmiHealthCheck health = new AmiHealthCheck(connection);
        connection.start();
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> health.check().detail()
                    .equals("PBX not connected yet: connection refused by 127.0.0.1:" + port + ", retrying in 800 ms"));
            assertThat(health.critical()).isFalse();
            assertThat(health.name()).isEqualTo("pbx");
        } finally {
            connection.stop();
        }
    }
}
