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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A route script on a plain socket dials endpoints that answer, do not, are busy; the caller may hang up. */
class DialStatusIT {
    private static final Dialplan RECORDER = Dialplan.parse(Fixtures.RECORDER_DIALPLAN);
    private static final Endpoints ENDPOINTS = new Endpoints(java.util.Map.of(), new EndpointBehaviour.NeverAnswer())
            .with("PJSIP/op-anna", new EndpointBehaviour.Answer(Duration.ofSeconds(3), Optional.of(Duration.ofSeconds(4))))
            .with("PJSIP/op-carla", new EndpointBehaviour.Busy(Duration.ofSeconds(1)))
            .with("PJSIP/op-dario", new EndpointBehaviour.Unavailable())
            .with("PJSIP/+393330000001@trunk", new EndpointBehaviour.AnswerWithoutAccept(Duration.ofSeconds(2),
                    Duration.ofSeconds(10)));
    private final StandinHarness harness = new StandinHarness();

    @AfterEach
    void close() {
        harness.close();
    }

    private record Run(CallResult result, ScriptedAgiServer.Session session) {
    }

    private Run dial(String dialData, CallerBehaviour caller) throws Exception {
        List<String> script = List.of("ANSWER", "EXEC Dial \"" + dialData + "\"", "GET VARIABLE DIALSTATUS");
        try (ScriptedAgiServer server = new ScriptedAgiServer(script);
             var sim = harness.simulator(20, ENDPOINTS, List.of(caller), server.port(), RECORDER)) {
            CallResult result = sim.run().get(30, TimeUnit.SECONDS).get(0);
            return new Run(result, server.sessions().get(0));
        }
    }

    private static final CallerBehaviour STAYS = CallerBehaviour.testCaller().hangingUpAfter(Duration.ofSeconds(120));

    @Test
    void operatorWhoAnswersGivesAnswer() throws Exception {
        Run run = dial("PJSIP/op-anna,20,m", STAYS);
        assertThat(run.session().replies).containsExactly("200 result=0\n", "200 result=-1\n", "200 result=1 (ANSWER)\n");
        assertThat(run.result().variables()).containsEntry("DIALEDPEERNUMBER", "op-anna");
        // simulated seconds: at least the scenario's talk time; a loaded machine stretches it (time is scaled)
        assertThat(Integer.parseInt(run.result().variables().get("ANSWEREDTIME"))).isGreaterThanOrEqualTo(4);
        assertThat(run.result().events()).extracting(e -> e.eventType().orElse(""))
                .contains("DialState", "MusicOnHoldStart", "BridgeEnter", "BridgeLeave", "BridgeDestroy");
    }

    @Test
    void operatorWhoNeverAnswersGivesNoAnswer() throws Exception {
        Run run = dial("PJSIP/op-bruno,5", STAYS);
        assertThat(run.session().replies).containsExactly("200 result=0\n", "200 result=0\n", "200 result=1 (NOANSWER)\n");
    }

    @Test
    void busyOperatorGivesBusyAndUnavailableGivesChanunavail() throws Exception {
        assertThat(dial("PJSIP/op-carla,20", STAYS).session().replies).last().isEqualTo("200 result=1 (BUSY)\n");
        assertThat(dial("PJSIP/op-dario,20", STAYS).session().replies).last().isEqualTo("200 result=1 (CHANUNAVAIL)\n");
    }

    @Test
    void firstOfSeveralTargetsToAnswerWins() throws Exception {
        Run run = dial("PJSIP/op-bruno&PJSIP/op-anna,20", STAYS);
        assertThat(run.session().replies).last().isEqualTo("200 result=1 (ANSWER)\n");
        assertThat(run.result().variables().get("DIALEDPEERNAME")).startsWith("PJSIP/op-anna-");
        assertThat(run.result().events()).anySatisfy(e -> {
            assertThat(e.eventType()).contains("DialEnd");
            assertThat(e.getOrEmpty("DestChannel")).startsWith("PJSIP/op-bruno-");
            assertThat(e.getOrEmpty("DialStatus")).isEqualTo("CANCEL");
        });
    }

    @Test
    void mobileThatDoesNotPressOneIsBusyAndNeverBridged() throws Exception {
        Run run = dial("PJSIP/+393330000001@trunk,30,U(hotline-accept^en)", STAYS);
        assertThat(run.session().replies).containsExactly("200 result=0\n", "200 result=0\n", "200 result=1 (BUSY)\n");
        assertThat(run.result().events()).noneMatch(e -> e.eventType().orElse("").equals("BridgeEnter"));
    }

    @Test
    void callerWhoHangsUpWhileRingingGetsMinusOneThenHangupAndCancel() throws Exception {
        Run run = dial("PJSIP/op-bruno,30", CallerBehaviour.testCaller().hangingUpAfter(Duration.ofSeconds(4)));
        List<String> lines = run.session().lines;
        int reply = lines.indexOf("200 result=-1");
        assertThat(reply).isPositive();
        assertThat(lines.get(reply + 1)).isEqualTo("HANGUP");
        assertThat(run.session().replies).last().isEqualTo("200 result=1 (CANCEL)\n");
        assertThat(run.result().agiStatus()).isEqualTo("HANGUP");
        assertThat(lines).last().isEqualTo("HANGUP");
    }
}
