package org.hth.hotline.ops.telephony;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.hth.hotline.core.call.CallOutcome;
import org.hth.hotline.core.call.CallRecord;
import org.hth.hotline.core.call.RingAttempt;
import org.hth.hotline.core.call.RingResult;
import org.hth.hotline.standin.call.CallerBehaviour;
import org.hth.hotline.standin.call.SimCall;
import org.hth.hotline.standin.scenario.CallResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The AMI connection drops in the middle of a call and comes back: the call's record is still complete. The
 * waits do not fail on uncaught exceptions of other threads: when the connection drops, Asterisk-Java's reader
 * thread may end with "Failed to shutdown AsyncEventPump cleanly" (its own thread, after our reconnection took
 * over), which is not what this test is about.
 */
class AmiReconnectionIT {
    @TempDir
    Path dataDir;

    private TelephonyLine line;

    @AfterEach
    void close() {
        if (line != null) {
            line.close();
        }
    }

    @Test
    void callInProgressWhenTheAmiConnectionDropsIsRecordedCompleteAfterReconnection() throws Exception {
        line = TelephonyLine.start(dataDir, """
                speed: 20
                endpoints:
                  PJSIP/op-anna: { answer: 3s, talk: 300s }
                default-endpoint: never-answer
                """).atConsole("op-anna");
        CallerBehaviour caller = new CallerBehaviour("3331234567", "", List.of("2"), Duration.ofMillis(700),
                Optional.empty());
        CompletableFuture<CallResult> done = line.place(caller);
        SimCall call = line.simulator().calls().get(0);
        await().dontCatchUncaughtExceptions().atMost(Duration.ofSeconds(10)).until(() -> call.events().stream()
                .anyMatch(event -> event.eventType().filter("BridgeEnter"::equals).isPresent()));

        line.simulator().ami().dropAndRefuse(Duration.ofMillis(800));
        await().dontCatchUncaughtExceptions().atMost(Duration.ofSeconds(10))
                .until(() -> line.simulator().ami().loggedInClients() == 1);
        assertThat(done).as("the conversation (15 s real) outlasts the drop").isNotDone();

        CallResult result = done.get(30, TimeUnit.SECONDS);
        CallRecord record = line.awaitRecord(result.linkedid());
        assertThat(record.outcome()).isEqualTo(CallOutcome.ANSWERED);
        assertThat(record.answeredBy()).contains("op-anna");
        assertThat(record.language()).contains("en");
        assertThat(record.callerPseudonym()).isPresent();
        assertThat(record.attempts()).extracting(RingAttempt::endpoint, RingAttempt::result)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("PJSIP/op-anna", RingResult.ANSWER));
        assertThat(record.talkSeconds()).isBetween(290L, 310L);
        assertThat(record.hangupCause()).doesNotStartWith("hotline:");
    }
}
