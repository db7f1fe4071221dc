package org.hth.hotline.ops.telephony;

import static org.assertj.core.api.Assertions.assertThat;

import static org.assertj.core.groups.Tuple.tuple;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.hth.hotline.core.call.CallOutcome;
import org.hth.hotline.core.call.CallRecord;
import org.hth.hotline.core.call.RingAttempt;
import org.hth.hotline.core.call.RingResult;
import org.hth.hotline.core.referral.Ticket;
import org.hth.hotline.core.referral.TicketKind;
import org.hth.hotline.core.referral.TicketQuery;
import org.hth.hotline.standin.call.CallerBehaviour;
import org.hth.hotline.standin.scenario.CallResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Calls through real sockets: the stand-in runs the shipped dialplan, which hands each call to the server's
 * {@code route} script over FastAGI; the server's tracker follows the stand-in's AMI events and writes the record.
 * The test roster makes op-anna primary at every hour, op-luca step 2 and op-sara (mobile only) step 3. Speed 20:
 * a 20 s ring step lasts one real second; the tests that check ring and wait seconds run at speed 5, so that a
 * busy machine's 150 ms of scheduling delay is under a second of the call's time rather than three.
 */
class CallRoutingIT {
    static final String CALLER = "3331234567";
    /** For the tests that check seconds: a 20 s ring step lasts four real seconds. */
    private static final int TIMED = 5;
    private static final int FAST = 20;

    @TempDir
    Path dataDir;

    @RegisterExtension
    final LogCapture logs = new LogCapture();

    private TelephonyLine line;

    @AfterEach
    void close() {
        if (line != null) {
            line.close();
        }
    }

    private static String scenario(String endpoints, String calls) {
        return scenario(FAST, endpoints, calls);
    }

    private static String scenario(int speed, String endpoints, String calls) {
        return "speed: " + speed + "\nendpoints:\n" + endpoints.indent(2) + "default-endpoint: never-answer\ncalls:\n"
                + calls.indent(2);
    }

    private CallRecord onlyCall(String endpoints, String calls) throws Exception {
        return onlyCall(FAST, endpoints, calls);
    }

    private CallRecord onlyCall(int speed, String endpoints, String calls) throws Exception {
        line = TelephonyLine.start(dataDir, scenario(speed, endpoints, calls)).atConsole("op-anna", "op-luca");
        List<CallResult> results = line.runScenario();
        assertThat(results).hasSize(1);
        assertThat(results.get(0).agiStatus()).as("AGISTATUS").isIn("SUCCESS", "HANGUP");
        return line.awaitRecord(results.get(0).linkedid());
    }

    @Test
    void callAnsweredAtStepOneIsRecordedWithItsOperatorRingAndTimes() throws Exception {
        CallRecord record = onlyCall(TIMED, "PJSIP/op-anna: { answer: 4s, talk: 30s }",
                "- { caller: \"" + CALLER + "\", keys: [\"2\"], key-delay: 1s }");

        assertThat(record.outcome()).isEqualTo(CallOutcome.ANSWERED);
        assertThat(record.answeredBy()).contains("op-anna");
        assertThat(record.language()).contains("en");
        assertThat(record.line()).isEqualTo("800290290");
        assertThat(record.callerPseudonym()).isPresent();
        assertThat(record.callerWithheld()).isFalse();
        assertThat(record.attempts()).singleElement().satisfies(attempt -> {
            assertThat(attempt.operatorId()).isEqualTo("op-anna");
            assertThat(attempt.endpoint()).isEqualTo("PJSIP/op-anna");
            assertThat(attempt.result()).isEqualTo(RingResult.ANSWER);
            assertThat(attempt.step()).isEqualTo(1);
            assertThat(attempt.ringSeconds()).isBetween(3L, 6L);
        });
        assertThat(record.waitSeconds()).as("menu (1 s) + ringing (4 s)").isBetween(4L, 8L);
        assertThat(record.talkSeconds()).isBetween(28L, 33L);
        assertThat(record.answeredAt()).isPresent();
    }

    @Test
    void stepOneThatDoesNotAnswerEscalatesToStepTwo() throws Exception {
        CallRecord record = onlyCall(TIMED, "PJSIP/op-anna: never-answer\nPJSIP/op-luca: { answer: 3s, talk: 10s }",
                "- { caller: \"" + CALLER + "\", keys: [\"1\"] }");

        assertThat(record.outcome()).isEqualTo(CallOutcome.ANSWERED);
        assertThat(record.answeredBy()).contains("op-luca");
        assertThat(record.attempts()).extracting(RingAttempt::operatorId, RingAttempt::result, RingAttempt::step)
                .containsExactly(tuple("op-anna", RingResult.NOANSWER, 1),
                        tuple("op-luca", RingResult.ANSWER, 2));
        assertThat(record.attempts().get(0).ringSeconds()).as("step 1 rings 20 s").isBetween(18L, 23L);
        assertThat(record.waitSeconds()).isBetween(22L, 28L);
    }

    @Test
    void everyoneBusyGoesToTheFallbackAndOpensACallbackTicket() throws Exception {
        CallRecord record = onlyCall("PJSIP/op-anna: busy\nPJSIP/op-luca: busy\nPJSIP/+393330000003@trunk: busy\n"
                        + "PJSIP/national-fallback: { answer: 2s, talk: 10s }",
                "- { caller: \"" + CALLER + "\", keys: [\"1\"] }");

        assertThat(record.outcome()).isEqualTo(CallOutcome.FALLBACK);
        assertThat(record.attempts()).extracting(RingAttempt::endpoint).startsWith("PJSIP/op-anna", "PJSIP/op-luca",
                "PJSIP/+393330000003@trunk");
        assertThat(record.attempts()).filteredOn(a -> a.step() >= 1 && !a.endpoint().contains("national"))
                .allSatisfy(a -> assertThat(a.result()).isEqualTo(RingResult.BUSY));
        List<Ticket> tickets = line.store().tickets().query(new TicketQuery(Optional.empty(), Optional.empty(),
                Optional.of(record.callId()), 10));
        assertThat(tickets).singleElement().satisfies(ticket -> {
            assertThat(ticket.kind()).isEqualTo(TicketKind.CALLBACK);
            assertThat(ticket.callId()).contains(record.callId());
            assertThat(ticket.sealedCallbackNumber()).isPresent();
        });
        assertThat(record.ticketIds()).containsExactly(tickets.get(0).id());
        new CallerNumberScan(CALLER).assertNotInStore(dataDir);
    }

    @Test
    void everyoneBusyAndTheNationalLineUnansweredEndsInVoicemailWithACallbackTicket() throws Exception {
        CallRecord record = onlyCall("PJSIP/op-anna: busy\nPJSIP/op-luca: busy\nPJSIP/+393330000003@trunk: busy\n"
                        + "PJSIP/national-fallback: busy",
                "- { caller: \"" + CALLER + "\", keys: [\"1\"], hangup-after: 120s }");

        assertThat(record.outcome()).isEqualTo(CallOutcome.VOICEMAIL);
        assertThat(record.ticketIds()).singleElement().satisfies(id -> assertThat(line.store().tickets().find(id))
                .hasValueSatisfying(ticket -> assertThat(ticket.kind()).isEqualTo(TicketKind.CALLBACK)));
        new CallerNumberScan(CALLER).assertNotInStore(dataDir);
    }

    @Test
    void callerWhoHangsUpWhileRingingIsAbandoned() throws Exception {
        CallRecord record = onlyCall(TIMED, "PJSIP/op-anna: never-answer",
                "- { caller: \"" + CALLER + "\", keys: [\"1\"], hangup-after: 10s }");

        assertThat(record.outcome()).isEqualTo(CallOutcome.ABANDONED);
        assertThat(record.answeredBy()).isEmpty();
        assertThat(record.answeredAt()).isEmpty();
        assertThat(record.attempts()).extracting(RingAttempt::operatorId, RingAttempt::result)
                .containsExactly(tuple("op-anna", RingResult.CANCEL));
        assertThat(record.waitSeconds()).isBetween(8L, 12L);
        assertThat(record.talkSeconds()).isZero();
        assertThat(line.store().tickets().query(TicketQuery.all(10))).as("no callback for an abandoned call").isEmpty();
    }

    @Test
    void repeatCallerSkipsTheMenuAndKeepsTheirLanguage() throws Exception {
        line = TelephonyLine.start(dataDir, scenario("PJSIP/op-anna: { answer: 2s, talk: 5s }", "[]"))
                .atConsole("op-anna");
        CallerBehaviour caller = new CallerBehaviour(CALLER, "", List.of("3"), Duration.ofMillis(700), Optional.empty());
        CallResult first = line.place(caller).get(30, TimeUnit.SECONDS);
        assertThat(first.agi()).anySatisfy(exchange -> assertThat(exchange.command()).startsWith("GET DATA"));
        assertThat(line.awaitRecord(first.linkedid()).language()).contains("fr");

        CallResult second = line.place(caller.withKeys()).get(30, TimeUnit.SECONDS);

        assertThat(second.agi()).noneSatisfy(exchange -> assertThat(exchange.command()).startsWith("GET DATA"));
        assertThat(second.variables()).containsEntry("HOTLINE_LANG", "fr");
        CallRecord again = line.awaitRecord(second.linkedid());
        assertThat(again.language()).contains("fr");
        assertThat(again.callerPseudonym()).isEqualTo(line.awaitRecord(first.linkedid()).callerPseudonym());
        assertThat(again.outcome()).isEqualTo(CallOutcome.ANSWERED);
    }

    @Test
    void mobileThatAnswersButDoesNotPressOneIsNotAnAnswerAndEscalationGoesOn() throws Exception {
        line = TelephonyLine.start(dataDir, scenario("""
                PJSIP/op-anna: never-answer
                PJSIP/+393330000001@trunk: { answer-without-accept: 2s, accept-timeout: 10s }
                PJSIP/op-luca: { answer: 3s, talk: 10s }
                """, "- { caller: \"" + CALLER + "\", keys: [\"1\"] }")).atConsole("op-luca");
        // op-anna is not at the console: step 1 rings her console and her mobile, which must accept with 1.
        CallResult result = line.runScenario().get(0);
        CallRecord record = line.awaitRecord(result.linkedid());

        assertThat(result.agi()).anySatisfy(exchange -> assertThat(exchange.command())
                .startsWith("EXEC \"Dial\"").contains("PJSIP/+393330000001@trunk").contains("U(hotline-accept^it)"));
        assertThat(record.outcome()).isEqualTo(CallOutcome.ANSWERED);
        assertThat(record.answeredBy()).contains("op-luca");
        assertThat(record.attempts()).filteredOn(attempt -> attempt.step() == 1)
                .extracting(RingAttempt::endpoint).contains("PJSIP/+393330000001@trunk");
        assertThat(record.attempts()).filteredOn(attempt -> attempt.step() == 1)
                .noneSatisfy(attempt -> assertThat(attempt.result()).isEqualTo(RingResult.ANSWER));
        assertThat(record.attempts()).filteredOn(attempt -> attempt.endpoint().equals("PJSIP/+393330000001@trunk"))
                .singleElement().satisfies(attempt -> assertThat(attempt.result()).isEqualTo(RingResult.NOT_ACCEPTED));
        assertThat(record.attempts()).last().satisfies(attempt -> {
            assertThat(attempt.endpoint()).isEqualTo("PJSIP/op-luca");
            assertThat(attempt.result()).isEqualTo(RingResult.ANSWER);
            assertThat(attempt.step()).isEqualTo(2);
        });
    }

    @Test
    void callersNumberIsInNoRecordTicketLogLineOrMetric() throws Exception {
        line = TelephonyLine.start(dataDir, scenario("""
                PJSIP/op-anna: busy
                PJSIP/op-luca: busy
                PJSIP/+393330000003@trunk: busy
                PJSIP/national-fallback: { answer: 1s, talk: 3s }
                """, """
                - { caller: "+39 333 123 4567", keys: ["1"] }
                - { caller: "0039%s", keys: ["2"], name: "Caller %s" }
                - { caller: "%s", keys: ["3"] }
                """.formatted(CALLER, CALLER, CALLER))).atConsole("op-anna", "op-luca");
        List<CallResult> results = line.runScenario();
        results.forEach(result -> assertThat(line.awaitRecord(result.linkedid()).outcome())
                .isEqualTo(CallOutcome.FALLBACK));
        assertThat(line.store().tickets().query(TicketQuery.all(10))).hasSize(3)
                .allSatisfy(ticket -> assertThat(ticket.sealedCallbackNumber()).isPresent());

        CallerNumberScan scan = new CallerNumberScan(CALLER, "333 123 4567");
        scan.assertNotInStore(dataDir);
        scan.assertNotInLogs(logs.lines());
        scan.assertNotInMetrics(line.server().consolePort());
        assertThat(String.join("\n", logs.lines())).contains("route ended");
    }
}
