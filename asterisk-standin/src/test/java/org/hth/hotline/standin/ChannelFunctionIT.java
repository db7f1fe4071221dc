package org.hth.hotline.standin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.hth.hotline.standin.call.CallerBehaviour;
import org.hth.hotline.standin.call.Endpoints;
import org.hth.hotline.standin.dialplan.Dialplan;
import org.hth.hotline.standin.scenario.CallResult;
import org.junit.jupiter.api.Test;

/** {@code GET VARIABLE CHANNEL(...)} answers as Asterisk's func_channel does: the linkedid is the caller half's. */
class ChannelFunctionIT {
    @Test
    void channelLinkedidIsTheCallsLinkedidNotTheAgiChannelsUniqueid() throws Exception {
        List<String> script = List.of("GET VARIABLE CHANNEL(linkedid)", "GET VARIABLE CHANNEL(uniqueid)");
        try (StandinHarness harness = new StandinHarness();
             ScriptedAgiServer server = new ScriptedAgiServer(script);
             var sim = harness.simulator(20, Endpoints.allAnswer(), List.of(CallerBehaviour.testCaller()), server.port(),
                     Dialplan.parse(Fixtures.RECORDER_DIALPLAN))) {
            CallResult result = sim.run().get(30, TimeUnit.SECONDS).get(0);
            assertThat(result.agi().get(0).reply()).isEqualTo("200 result=1 (" + result.linkedid() + ")\n");
            assertThat(result.agi().get(1).reply()).doesNotContain(result.linkedid())
                    .startsWith("200 result=1 (" + result.linkedid().substring(0, result.linkedid().indexOf('.')));
        }
    }
}
