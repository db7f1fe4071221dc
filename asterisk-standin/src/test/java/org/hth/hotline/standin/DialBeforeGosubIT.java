package org.hth.hotline.standin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.hth.hotline.standin.ami.AmiMessage;
import org.hth.hotline.standin.call.CallerBehaviour;
import org.hth.hotline.standin.call.Endpoints;
import org.hth.hotline.standin.dialplan.Dialplan;
import org.hth.hotline.standin.scenario.CallResult;
import org.hth.hotline.standin.scenario.SimulatorConfig;
import org.junit.jupiter.api.Test;

/**
 * {@code Dial}'s {@code B(context^exten^priority(arg1^arg2))} as app_dial runs it: its {@code ^} become
 * {@code ,}, {@code Gosub} runs on the caller's channel before any leg is created, the arguments are the
 * frame's {@code ARGn} ({@code VarSet} of {@code LOCAL(ARGn)}), each priority a {@code Newexten}, and every
 * {@code VarSet} of the subroutine comes after the {@code AGIExecStart} of the Dial and before its first
 * {@code DialBegin}. Runs the shipped {@code extensions.conf} ({@code [hotline-vars]}).
 */
class DialBeforeGosubIT {
    private static final Dialplan SHIPPED = SimulatorConfig.readDialplan(Path.of("..", "config", "asterisk",
            "extensions.conf"));

    private static List<String> types(CallResult result) {
        return result.events().stream().map(e -> e.eventType().orElse("") + " " + e.getOrEmpty("Variable")
                + e.getOrEmpty("Application") + e.getOrEmpty("Command")).toList();
    }

    @Test
    void theShippedHotlineVarsSetsTheCallsVariablesBeforeTheDialRingsAnyone() throws Exception {
        List<String> script = List.of(
                "EXEC Dial \"PJSIP/op-anna,20,mA(hotline/whisper-en)B(hotline-vars^s^1(1.2^ps-Ab_9^en^1))\"");
        try (StandinHarness harness = new StandinHarness();
             ScriptedAgiServer server = new ScriptedAgiServer(script);
             var sim = harness.simulator(20, Endpoints.allAnswer(), List.of(CallerBehaviour.testCaller().hangingUpAfter(Duration.ofSeconds(30))),
                     server.port(), SHIPPED)) {
            CallResult result = sim.run().get(30, TimeUnit.SECONDS).get(0);

            assertThat(result.variables()).containsEntry("HOTLINE_CALL_ID", "1.2")
                    .containsEntry("HOTLINE_CALLER", "ps-Ab_9").containsEntry("HOTLINE_LANG", "en")
                    .containsEntry("HOTLINE_STEP", "1").containsEntry("DIALSTATUS", "ANSWER");
            List<String> events = types(result);
            int dialCommand = events.indexOf("AGIExecStart EXEC Dial "
                    + "\"PJSIP/op-anna,20,mA(hotline/whisper-en)B(hotline-vars^s^1(1.2^ps-Ab_9^en^1))\"");
            assertThat(dialCommand).isNotNegative();
            int firstDialBegin = dialCommand + events.subList(dialCommand, events.size()).indexOf("DialBegin ");
            assertThat(firstDialBegin).as("the Dial's first DialBegin").isGreaterThan(dialCommand);
            assertThat(events.subList(dialCommand, firstDialBegin)).containsSubsequence(
                    "VarSet LOCAL(ARG1)", "VarSet LOCAL(ARG4)", "Newexten MSet", "VarSet HOTLINE_CALL_ID",
                    "VarSet HOTLINE_CALLER", "VarSet HOTLINE_LANG", "VarSet HOTLINE_STEP", "Newexten Return",
                    "VarSet GOSUB_RETVAL");
            AmiMessage mset = result.events().stream().filter(e -> e.getOrEmpty("Application").equals("MSet"))
                    .findFirst().orElseThrow();
            assertThat(mset.getOrEmpty("Context")).isEqualTo("hotline-vars");
            assertThat(mset.getOrEmpty("Exten")).isEqualTo("s");
            assertThat(mset.getOrEmpty("AppData"))
                    .isEqualTo("HOTLINE_CALL_ID=1.2,HOTLINE_CALLER=ps-Ab_9,HOTLINE_LANG=en,HOTLINE_STEP=1");
            assertThat(result.variables()).as("the frame's locals are gone").doesNotContainKey("ARG1");
        }
    }

    @Test
    void aMissingLocationRunsNothingAndTheDialGoesOn() throws Exception {
        List<String> script = List.of("EXEC Dial \"PJSIP/op-anna,20,mB(no-such-context^s^1(x))\"");
        try (StandinHarness harness = new StandinHarness();
             ScriptedAgiServer server = new ScriptedAgiServer(script);
             var sim = harness.simulator(20, Endpoints.allAnswer(), List.of(CallerBehaviour.testCaller().hangingUpAfter(Duration.ofSeconds(30))),
                     server.port(), SHIPPED)) {
            CallResult result = sim.run().get(30, TimeUnit.SECONDS).get(0);

            assertThat(result.variables()).containsEntry("DIALSTATUS", "ANSWER").doesNotContainKey("ARG1");
            assertThat(types(result)).doesNotContain("VarSet LOCAL(ARG1)", "VarSet GOSUB_RETVAL");
        }
    }
}
