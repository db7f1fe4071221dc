package org.hth.hotline.standin;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.hth.hotline.standin.call.CallerBehaviour;
import org.hth.hotline.standin.call.EndpointBehaviour;
import org.hth.hotline.standin.call.Endpoints;
import org.hth.hotline.standin.dialplan.Dialplan;
import org.hth.hotline.standin.scenario.CallResult;
import org.hth.hotline.standin.scenario.SimulatorConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The shipped extensions.conf, executed: no call is dropped when the hotline server is down or gives up. */
class DialplanFallbackIT {
    private static final Dialplan SHIPPED = SimulatorConfig.readDialplan(Path.of("..", "config", "asterisk", "extensions.conf"));
    private static final Endpoints ENDPOINTS = Endpoints.allAnswer().with("PJSIP/national-fallback",
            new EndpointBehaviour.Answer(Duration.ofSeconds(2), Optional.of(Duration.ofSeconds(5))));
    private static final CallerBehaviour CALLER = CallerBehaviour.testCaller().hangingUpAfter(Duration.ofSeconds(60));
    private final StandinHarness harness = new StandinHarness();

    @AfterEach
    void close() {
        harness.close();
    }

    private static int closedPort() throws Exception {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static void assertRangTheNationalLine(CallResult result) {
        assertThat(result.events()).anySatisfy(e -> {
            assertThat(e.eventType()).contains("DialBegin");
            assertThat(e.getOrEmpty("DialString")).isEqualTo("national-fallback");
            assertThat(e.getOrEmpty("DestChannel")).startsWith("PJSIP/national-fallback-");
        });
        assertThat(result.variables()).containsEntry("HOTLINE_OUTCOME", "FALLBACK").containsEntry("DIALSTATUS", "ANSWER");
    }

    @Test
    void serverNotRunningRingsTheNationalLine() throws Exception {
        try (var sim = harness.simulator(20, ENDPOINTS, List.of(CALLER), closedPort(), SHIPPED)) {
            CallResult result = sim.run().get(30, TimeUnit.SECONDS).get(0);
            assertThat(result.agiStatus()).isEqualTo("FAILURE");
            assertThat(result.variables()).containsEntry("AGISTATUS", "FAILURE").containsEntry("HOTLINE_LINE", "800290290");
            assertRangTheNationalLine(result);
        }
    }

    @Test
    void serverThatEndsWithoutAnOutcomeRingsTheNationalLine() throws Exception {
        try (ScriptedAgiServer script = new ScriptedAgiServer(List.of("ANSWER"));
             var sim = harness.simulator(20, ENDPOINTS, List.of(CALLER), script.port(), SHIPPED)) {
            CallResult result = sim.run().get(30, TimeUnit.SECONDS).get(0);
            assertThat(result.agiStatus()).isEqualTo("SUCCESS");
            assertRangTheNationalLine(result);
        }
    }

    @Test
    void serverThatSettlesTheCallIsNotOverruled() throws Exception {
        try (ScriptedAgiServer script = new ScriptedAgiServer(List.of("ANSWER", "SET VARIABLE HOTLINE_OUTCOME ANSWERED"));
             var sim = harness.simulator(20, ENDPOINTS, List.of(CALLER), script.port(), SHIPPED)) {
            CallResult result = sim.run().get(30, TimeUnit.SECONDS).get(0);
            assertThat(result.variables()).containsEntry("HOTLINE_OUTCOME", "ANSWERED").doesNotContainKey("DIALSTATUS");
        }
    }
}
