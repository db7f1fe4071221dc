package org.hth.hotline.standin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.hth.hotline.standin.call.CallerBehaviour;
import org.hth.hotline.standin.call.EndpointBehaviour;
import org.hth.hotline.standin.call.Endpoints;
import org.hth.hotline.standin.dialplan.Dialplan;
import org.hth.hotline.standin.scenario.CallResult;
import org.hth.hotline.standin.scenario.Scenario;
import org.junit.jupiter.api.Test;

class LoadIT {
    @Test
    void twoHundredConcurrentCallsAllComplete() throws Exception {
        Endpoints endpoints = Endpoints.allAnswer().with("PJSIP/op-anna",
                new EndpointBehaviour.Answer(Duration.ofSeconds(1), Optional.of(Duration.ofSeconds(3))));
        CallerBehaviour caller = CallerBehaviour.testCaller().withKeys("1");
        Scenario scenario = new Scenario(50, "800290290", endpoints, List.of(),
                Optional.of(new Scenario.Load(200, 400, caller)));
        List<String> script = List.of("ANSWER", "GET DATA menu 3000 1", "SET VARIABLE HOTLINE_OUTCOME ANSWERED",
                "EXEC Dial \"PJSIP/op-anna,20,m\"", "GET VARIABLE DIALSTATUS");
        try (StandinHarness harness = new StandinHarness();
             ScriptedAgiServer server = new ScriptedAgiServer(script);
             var sim = harness.simulator(scenario, server.port(), Dialplan.parse(Fixtures.RECORDER_DIALPLAN))) {
            List<CallResult> results = sim.run().get(60, TimeUnit.SECONDS);
            assertThat(results).hasSize(200);
            assertThat(results).extracting(CallResult::linkedid).doesNotHaveDuplicates();
            assertThat(results).allSatisfy(r -> {
                assertThat(r.agiStatus()).isEqualTo("SUCCESS");
                assertThat(r.variables()).containsEntry("DIALSTATUS", "ANSWER").containsEntry("HOTLINE_OUTCOME", "ANSWERED");
            });
            assertThat(sim.ami().originates()).isEmpty();
        }
    }
}
