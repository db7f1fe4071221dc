package org.hth.hotline.standin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.hth.hotline.standin.call.CallerBehaviour;
import org.hth.hotline.standin.call.Endpoints;
import org.hth.hotline.standin.dialplan.Dialplan;
import org.hth.hotline.standin.scenario.CallResult;
import org.junit.jupiter.api.Test;

/**
 * {@code AGI(url,args)} hands the arguments to the script as {@code agi_arg_N}, after {@code agi_threadid};
 * {@code EXEC MSet} sets each pair in order, each with its own {@code VarSet}, and answers {@code 200 result=0}.
 */
class AgiArgumentsAndMSetIT {
    private static final String DIALPLAN = """
            [numero-verde]
            exten => 800290290,1,NoOp(Numero verde call)
             same => n,Answer()
             same => n,AGI(agi://127.0.0.1:4573/route,${CHANNEL(linkedid)})
             same => n,Hangup()
            """;

    @Test
    void theLinkedidArrivesAsAnArgumentAndMSetSetsEveryPair() throws Exception {
        List<String> script = List.of("EXEC MSet \"HOTLINE_CALL_ID=1.2,HOTLINE_CALLER=withheld,NOEQUALS,X=a=b\"");
        try (StandinHarness harness = new StandinHarness();
             ScriptedAgiServer server = new ScriptedAgiServer(script);
             var sim = harness.simulator(20, Endpoints.allAnswer(), List.of(CallerBehaviour.testCaller()), server.port(),
                     Dialplan.parse(DIALPLAN))) {
            CallResult result = sim.run().get(30, TimeUnit.SECONDS).get(0);

            assertThat(server.sessions().get(0).environment)
                    .contains("agi_threadid: ").endsWith("\nagi_arg_1: " + result.linkedid() + "\n\n");
            assertThat(result.agi().get(0).reply()).isEqualTo("200 result=0\n");
            assertThat(result.variables()).containsEntry("HOTLINE_CALL_ID", "1.2")
                    .containsEntry("HOTLINE_CALLER", "withheld").containsEntry("X", "a=b")
                    .doesNotContainKey("NOEQUALS");
            assertThat(result.events().stream().filter(e -> e.eventType().orElse("").equals("VarSet"))
                    .map(e -> e.getOrEmpty("Variable"))
                    .filter(name -> name.equals("X") || name.startsWith("HOTLINE_") || name.equals("NOEQUALS"))
                    .toList()).containsExactly("HOTLINE_CALL_ID", "HOTLINE_CALLER", "X");
        }
    }
}
