package org.hth.hotline.ops.telephony;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.hth.hotline.core.call.CallOutcome;
import org.hth.hotline.core.call.CallRecord;
import org.hth.hotline.standin.scenario.CallResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two hundred calls at once through the server: every one routed, every one recorded, none lost. */
class ConcurrentCallsIT {
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
    void twoHundredConcurrentCallsAreAllRoutedAndRecorded() throws Exception {
        line = TelephonyLine.start(dataDir, """
                speed: 20
                endpoints:
                  PJSIP/op-anna: { answer: 2s, talk: 20s }
                default-endpoint: never-answer
                load:
                  calls: 200
                  rate: 200
                  caller: { caller: "3331234567", keys: ["1"], key-delay: 500ms, hangup-after: 300s }
                """).atConsole("op-anna");

        List<CallResult> results = line.runScenario();

        assertThat(results).hasSize(200);
        assertThat(results).allSatisfy(result -> {
            assertThat(result.agiStatus()).isEqualTo("SUCCESS");
            assertThat(result.variables()).containsEntry("HOTLINE_OUTCOME", "ANSWERED")
                    .containsEntry("HOTLINE_ANSWERED_BY", "op-anna");
        });
        List<CallRecord> records = line.awaitRecords(200);
        assertThat(records).hasSize(200);
        assertThat(records).extracting(CallRecord::callId)
                .containsExactlyInAnyOrderElementsOf(results.stream().map(CallResult::linkedid).toList());
        assertThat(records).allSatisfy(record -> {
            assertThat(record.outcome()).isEqualTo(CallOutcome.ANSWERED);
            assertThat(record.answeredBy()).contains("op-anna");
            assertThat(record.attempts()).hasSize(1);
        });
    }
}
