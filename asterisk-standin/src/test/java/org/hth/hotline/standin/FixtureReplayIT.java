package org.hth.hotline.standin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.hth.hotline.standin.ami.AmiWire;
import org.hth.hotline.standin.call.CallerBehaviour;
import org.hth.hotline.standin.call.EndpointBehaviour;
import org.hth.hotline.standin.call.Endpoints;
import org.hth.hotline.standin.call.EventOrder;
import org.hth.hotline.standin.dialplan.Dialplan;
import org.hth.hotline.standin.scenario.CallResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Replays the recorder's FastAGI scripts against the stand-in and compares with the real Asterisk. */
class FixtureReplayIT {
    private final StandinHarness harness = new StandinHarness();
    private static final Dialplan RECORDER = Dialplan.parse(Fixtures.RECORDER_DIALPLAN);

    @AfterEach
    void close() {
        harness.close();
    }

    private CallResult replay(String folder, Endpoints endpoints, CallerBehaviour caller, double speed) throws Exception {
        try (ScriptedAgiServer script = new ScriptedAgiServer(Fixtures.commands(folder));
             var sim = harness.simulator(speed, endpoints, List.of(caller), script.port(), RECORDER)) {
            List<CallResult> results = sim.run().get(30, TimeUnit.SECONDS);
            return results.get(0);
        }
    }

    @Test
    void protocolErrorRepliesEqualTheRecordedOnes() throws Exception {
        CallerBehaviour caller = CallerBehaviour.testCaller().withKeys("7").hangingUpAfter(Duration.ofSeconds(21));
        try (ScriptedAgiServer script = new ScriptedAgiServer(Fixtures.commands("05-protocol-errors"));
             var sim = harness.simulator(20, Endpoints.allAnswer(), List.of(caller), script.port(), RECORDER)) {
            CallResult result = sim.run().get(30, TimeUnit.SECONDS).get(0);
            String recorded = Fixtures.text("05-protocol-errors/agi.in.wire");
            String recordedReplies = recorded.substring(recorded.indexOf("\n\n") + 2);
            String ours = String.join("", script.sessions().get(0).replies) + "HANGUP\n";
            assertThat(ours).isEqualTo(recordedReplies);
            assertThat(result.agiStatus()).isEqualTo("FAILURE");
        }
    }

    @Test
    void answeredCallHasTheRecordedEventOrder() throws Exception {
        Endpoints endpoints = Endpoints.allAnswer();
        CallerBehaviour caller = CallerBehaviour.testCaller().withKeys("2").hangingUpAfter(Duration.ofSeconds(11));
        CallResult result = replay("01-answered", endpoints, caller, 5);
        List<String> recorded = EventOrder.normalise(AmiWire.parse(Fixtures.bytes("01-answered/ami.wire")));
        assertThat(recorded).hasSizeGreaterThan(60);
        assertThat(EventOrder.normalise(result.events())).isEqualTo(recorded);
        assertThat(result.agi()).extracting(e -> e.reply())
                .containsExactly("200 result=0\n", "200 result=2\n", "200 result=1\n", "200 result=-1\n",
                        "200 result=1 (ANSWER)\n", "200 result=1 (en)\n");
        assertThat(result.agiStatus()).isEqualTo("HANGUP");
    }

    @Test
    void busyThenUnavailableHasTheRecordedEventOrder() throws Exception {
        Endpoints endpoints = Endpoints.allAnswer()
                .with("Local/300@operators", new EndpointBehaviour.Busy(Duration.ZERO))
                .with("PJSIP/nosuchendpoint", new EndpointBehaviour.Unavailable());
        CallerBehaviour caller = CallerBehaviour.testCaller().hangingUpAfter(Duration.ofSeconds(30));
        CallResult result = replay("03-busy-unavail", endpoints, caller, 5);
        List<String> recorded = EventOrder.normalise(AmiWire.parse(Fixtures.bytes("03-busy-unavail/ami.wire")));
        assertThat(recorded).hasSizeGreaterThan(60);
        assertThat(EventOrder.normalise(result.events())).isEqualTo(recorded);
        assertThat(result.agi()).extracting(e -> e.reply()).containsExactly("200 result=0\n", "200 result=0\n",
                "200 result=1 (BUSY)\n", "200 result=0\n", "200 result=1 (CHANUNAVAIL)\n");
        assertThat(result.agiStatus()).isEqualTo("SUCCESS");
        assertThat(result.events()).allSatisfy(e -> e.get("Linkedid").ifPresent(l -> assertThat(l).isEqualTo(result.linkedid())));
        assertThat(Optional.of(result.variables().get("DIALSTATUS"))).contains("CHANUNAVAIL");
    }
}
