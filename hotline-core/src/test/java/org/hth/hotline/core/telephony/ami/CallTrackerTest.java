package org.hth.hotline.core.telephony.ami;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import org.hth.hotline.core.call.CallOutcome;
import org.hth.hotline.core.call.CallRecord;
import org.hth.hotline.core.call.RingAttempt;
import org.hth.hotline.core.call.RingResult;
import org.hth.hotline.core.live.LiveEvent;
import org.hth.hotline.core.roster.EndpointKind;
import org.hth.hotline.core.roster.Operator;
import org.hth.hotline.core.roster.Roster;
import org.hth.hotline.core.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class CallTrackerTest {
    static final String CALL_01 = "1795304357.52";
    static final String CALL_03 = "1795304400.62";
    static final String CALLER_01 = "Local/800290290@numero-verde-0000001a;2";
    static final String CALLER_01_UID = "1795304357.53";
    static final String NUMBER = "3331234567";
    static final Instant T0 = Instant.parse("2026-11-21T22:39:17.183Z");
    static final Duration SETTLE = Duration.ofSeconds(1);
    static final Duration ORPHAN = Duration.ofMinutes(2);

    static final Roster ROSTER = new Roster(ZoneId.of("Europe/Rome"), List.of(
            new Operator("op-anna", "Anna", List.of("it", "en"), Map.of(EndpointKind.CONSOLE, "Local/100@operators")),
            new Operator("op-luca", "Luca", List.of("it"), Map.of(EndpointKind.CONSOLE, "Local/300@operators"))),
            List.of(), List.of(), List.of(), List.of());

    final MutableClock clock = new MutableClock(T0);
    final ManualScheduler scheduler = new ManualScheduler(clock);
    final InMemoryCallStore store = new InMemoryCallStore();
    final List<LiveEvent> live = new ArrayList<>();
    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    final org.hth.hotline.core.live.InProcessLiveEvents bus = new org.hth.hotline.core.live.InProcessLiveEvents();
    {
        bus.subscribe(live::add);
    }
    final CallTracker tracker = new CallTracker(store, bus, () -> ROSTER, clock, scheduler,
            new TrackerSettings(SETTLE, ORPHAN, Duration.ofHours(12), Duration.ofSeconds(30)), registry);
    final ListAppender<ILoggingEvent> logs = new ListAppender<>();

    @BeforeEach
    void captureLogs() {
        logs.start();
        root().addAppender(logs);
        tracker.start();
    }

    @AfterEach
    void releaseLogs() {
        root().detachAppender(logs);
    }

    private static Logger root() {
        return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }

    void feed(List<AmiWire.Recorded> events) {
        for (AmiWire.Recorded recorded : events) {
            Instant at = T0.plusMillis(Math.round(recorded.seconds() * 1000));
            if (at.isAfter(clock.instant())) {
                scheduler.advance(Duration.between(clock.instant(), at));
            }
            tracker.onEvent(recorded.event());
        }
    }

    void settle() {
        scheduler.advance(SETTLE.plusMillis(100));
    }

    CallRecord recorded(String callId) {
        assertThat(store.calls).containsKey(callId);
        return store.calls.get(callId);
    }

    static List<AmiWire.Recorded> withOurVariables(List<AmiWire.Recorded> events) {
        List<AmiWire.Recorded> out = new ArrayList<>();
        for (AmiWire.Recorded event : events) {
            if ("AGIExecStart".equals(event.type()) && event.get("Command").startsWith("EXEC Dial")) {
                for (Map.Entry<String, String> variable : Map.of("HOTLINE_CALLER", "ps-7f3a9c", "HOTLINE_STEP", "1",
                        "HOTLINE_LINE", "800290290").entrySet()) {
                    Map<String, String> fields = AmiWire.varSet(CALLER_01, CALLER_01_UID, CALL_01, variable.getKey(),
                            variable.getValue());
                    out.add(new AmiWire.Recorded(event.seconds(), fields, AmiWire.build(fields)));
                }
            }
            out.add(event);
        }
        return out;
    }

    @Test
    void answeredCallIsRecordedWithItsAttemptWaitTalkAndCause() {
        feed(AmiWire.events("01-answered"));
        assertThat(store.saves).isEmpty();
        settle();

        CallRecord call = recorded(CALL_01);
        assertThat(call.outcome()).isEqualTo(CallOutcome.ANSWERED);
        assertThat(call.line()).isEqualTo("800290290");
        assertThat(call.language()).contains("en");
        assertThat(call.callerPseudonym()).isEmpty();
        assertThat(call.callerWithheld()).isFalse();
        assertThat(call.startedAt()).isEqualTo(T0.plusMillis(1));
        assertThat(call.answeredAt()).contains(T0.plusMillis(1208));
        assertThat(call.endedAt()).isEqualTo(T0.plusMillis(13505));
        assertThat(call.waitSeconds()).isEqualTo(1);
        assertThat(call.talkSeconds()).isEqualTo(10);
        assertThat(call.attempts()).containsExactly(
                new RingAttempt("op-anna", "Local/100@operators", T0.plusMillis(1207), RingResult.ANSWER, 0, 1));
        assertThat(call.answeredBy()).contains("op-anna");
        assertThat(call.hangupCause()).isEqualTo("Normal Clearing");
        assertThat(store.saves).hasSize(1);
        assertThat(live).extracting(LiveEvent::type).containsExactly("call.ringing", "call.answered", "call.ended");
        assertThat(registry.get("hotline.calls").tag("outcome", "ANSWERED").counter().count()).isEqualTo(1);
        assertThat(registry.get("hotline.ring.attempts").tag("result", "ANSWER").counter().count()).isEqualTo(1);
        assertThat(registry.get("hotline.call.talk").summary().totalAmount()).isEqualTo(10);
    }

    @Test
    void busyThenUnavailableMakesTwoAttemptsTheSecondWithoutAChannel() {
        feed(AmiWire.events("03-busy-unavail"));
        settle();

        CallRecord call = recorded(CALL_03);
        assertThat(call.attempts()).extracting(RingAttempt::operatorId, RingAttempt::endpoint, RingAttempt::result,
                        RingAttempt::step)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("op-luca", "Local/300@operators", RingResult.BUSY, 1),
                        org.assertj.core.groups.Tuple.tuple("", "PJSIP/nosuchendpoint", RingResult.CHANUNAVAIL, 2));
        assertThat(call.attempts().get(1).ringSeconds()).isZero();
        assertThat(call.answeredAt()).isEmpty();
        assertThat(call.answeredBy()).isEmpty();
        assertThat(call.outcome()).as("the script ended without an outcome and nothing answered")
                .isEqualTo(CallOutcome.FAILED);
        assertThat(call.hangupCause()).isEqualTo("No route to destination");
        assertThat(call.talkSeconds()).isZero();
    }

    @Test
    void cdrAfterTheLastHangupStillMakesOneRecord() {
        List<AmiWire.Recorded> events = new ArrayList<>(AmiWire.events("01-answered"));
        List<AmiWire.Recorded> cdrs = events.stream().filter(e -> "Cdr".equals(e.type())).toList();
        events.removeAll(cdrs);
        events.addAll(cdrs);
        feed(events);
        settle();
        assertThat(store.saves).hasSize(1);
        assertThat(recorded(CALL_01).outcome()).isEqualTo(CallOutcome.ANSWERED);
    }

    @Test
    void cdrBeforeItsHangupAsRecordedIn01() {
        List<AmiWire.Recorded> events = AmiWire.events("01-answered");
        int cdr = indexOf(events, e -> "Cdr".equals(e.type()) && CALLER_01.equals(e.get("Channel")));
        int hangup = indexOf(events, e -> "Hangup".equals(e.type()) && CALLER_01.equals(e.get("Channel")));
        assertThat(cdr).isLessThan(hangup);
        feed(events);
        settle();
        assertThat(store.saves).hasSize(1);
    }

    @Test
    void duplicatedEventsChangeNothing() {
        feed(AmiWire.events("01-answered"));
        settle();
        CallRecord once = recorded(CALL_01);

        CallTrackerTest other = new CallTrackerTest();
        List<AmiWire.Recorded> twice = new ArrayList<>();
        AmiWire.events("01-answered").forEach(e -> {
            twice.add(e);
            twice.add(e);
        });
        other.tracker.start();
        other.feed(twice);
        other.settle();
        assertThat(other.store.saves).hasSize(1);
        assertThat(other.recorded(CALL_01)).isEqualTo(once);
    }

    @Test
    void callFirstSeenMidwayIsStillRecorded() {
        List<AmiWire.Recorded> events = AmiWire.events("01-answered");
        int dial = indexOf(events, e -> "DialBegin".equals(e.type()) && e.get("Channel") != null);
        feed(events.subList(dial, events.size()));
        settle();

        CallRecord call = recorded(CALL_01);
        assertThat(call.outcome()).isEqualTo(CallOutcome.ANSWERED);
        assertThat(call.attempts()).extracting(RingAttempt::result).containsExactly(RingResult.ANSWER);
        assertThat(call.startedAt()).isEqualTo(T0.plusMillis(1207));
        assertThat(store.saves).hasSize(1);
    }

    @Test
    void eventsAfterTheRecordWasWrittenAreIgnored() {
        List<AmiWire.Recorded> events = AmiWire.events("01-answered");
        feed(events);
        settle();
        feed(events.subList(events.size() - 5, events.size()));
        settle();
        assertThat(store.saves).hasSize(1);
    }

    @Test
    void callInProgressWhenTheConnectionDropsIsCompletedAfterReconnection() {
        List<AmiWire.Recorded> events = AmiWire.events("01-answered");
        int split = indexOf(events, e -> "BridgeEnter".equals(e.type()) && CALLER_01.equals(e.get("Channel"))) + 1;
        feed(events.subList(0, split));
        tracker.connectionLost();
        scheduler.advance(Duration.ofSeconds(5));
        tracker.connectionRestored(java.util.Set.of("1795304357.52", CALLER_01_UID, "1795304358.54", "1795304358.55"));
        feed(events.subList(split, events.size()));
        settle();

        CallRecord call = recorded(CALL_01);
        assertThat(call.outcome()).isEqualTo(CallOutcome.ANSWERED);
        assertThat(call.talkSeconds()).isEqualTo(10);
        assertThat(call.hangupCause()).isEqualTo("Normal Clearing");
    }

    @Test
    void callWhoseChannelsAreGoneAfterReconnectionIsClosedAsFailed() {
        List<AmiWire.Recorded> events = AmiWire.events("01-answered");
        int split = indexOf(events, e -> "BridgeEnter".equals(e.type())) + 2;
        feed(events.subList(0, split));
        Instant lost = clock.instant();
        tracker.connectionLost();
        scheduler.advance(Duration.ofSeconds(30));
        tracker.connectionRestored(java.util.Set.of());

        CallRecord call = recorded(CALL_01);
        assertThat(call.outcome()).isEqualTo(CallOutcome.FAILED);
        assertThat(call.hangupCause()).contains("PBX connection was down");
        assertThat(call.answeredBy()).contains("op-anna");
        assertThat(call.endedAt()).isEqualTo(lost);
        assertThat(tracker.openCalls()).isEmpty();
    }

    @Test
    void callWithoutConnectionPastTheTimeoutIsClosedAsFailed() {
        List<AmiWire.Recorded> events = AmiWire.events("01-answered");
        feed(events.subList(0, indexOf(events, e -> "DialBegin".equals(e.type()) && e.get("Channel") != null) + 1));
        tracker.connectionLost();
        scheduler.advance(ORPHAN.minusSeconds(31));
        assertThat(store.saves).isEmpty();
        scheduler.advance(Duration.ofSeconds(62));

        CallRecord call = recorded(CALL_01);
        assertThat(call.outcome()).isEqualTo(CallOutcome.FAILED);
        assertThat(call.hangupCause()).contains("no PBX connection for 2 min");
        assertThat(call.attempts()).extracting(RingAttempt::result).containsExactly(RingResult.CANCEL);
    }

    @Test
    void ourVariablesGiveThePseudonymStepAndLine() {
        feed(withOurVariables(AmiWire.events("01-answered")));
        settle();
        CallRecord call = recorded(CALL_01);
        assertThat(call.callerPseudonym()).contains("ps-7f3a9c");
        assertThat(call.attempts().get(0).step()).isEqualTo(1);
        LiveEvent ringing = live.stream().filter(e -> e.type().equals("call.ringing")).findFirst().orElseThrow();
        assertThat(ringing.data()).containsEntry("caller", "ps-7f3a9c").containsEntry("operatorId", "op-anna")
                .containsEntry("language", "en").containsEntry("step", 1).containsEntry("callId", CALL_01);
    }

    /**
     * As Asterisk sends them when the script's first Dial carries the variables ({@code B(hotline-vars^s^1(...))}):
     * the AGIExecStart of {@code EXEC Dial} first, then the gosub's VarSets on the caller's channel, then the
     * DialBegin.
     */
    static List<AmiWire.Recorded> withOurVariablesFromTheDial(List<AmiWire.Recorded> events, String step) {
        List<AmiWire.Recorded> out = new ArrayList<>();
        for (AmiWire.Recorded event : events) {
            out.add(event);
            if ("AGIExecStart".equals(event.type()) && event.get("Command").startsWith("EXEC Dial")) {
                for (String[] variable : new String[][] {{"LOCAL(ARG1)", CALL_01}, {"HOTLINE_CALL_ID", CALL_01},
                        {"HOTLINE_CALLER", "ps-7f3a9c"}, {"HOTLINE_LANG", "en"}, {"HOTLINE_STEP", step},
                        {"GOSUB_RETVAL", ""}}) {
                    Map<String, String> fields = AmiWire.varSet(CALLER_01, CALLER_01_UID, CALL_01, variable[0],
                            variable[1]);
                    out.add(new AmiWire.Recorded(event.seconds(), fields, AmiWire.build(fields)));
                }
            }
        }
        return out;
    }

    @Test
    void theStepSetByTheDialsOwnGosubIsTheStepOfThatDial() {
        feed(withOurVariablesFromTheDial(AmiWire.events("01-answered"), "2"));
        settle();
        CallRecord call = recorded(CALL_01);
        assertThat(call.callerPseudonym()).contains("ps-7f3a9c");
        assertThat(call.attempts()).singleElement().satisfies(attempt -> assertThat(attempt.step()).isEqualTo(2));
        LiveEvent ringing = live.stream().filter(e -> e.type().equals("call.ringing")).findFirst().orElseThrow();
        assertThat(ringing.data()).containsEntry("step", 2).containsEntry("caller", "ps-7f3a9c");
    }

    @Test
    void declaredOutcomeAndWithheldCallerWin() {
        List<AmiWire.Recorded> events = new ArrayList<>(AmiWire.events("03-busy-unavail"));
        for (Map<String, String> fields : List.of(
                AmiWire.varSet("Local/800290290@numero-verde-0000001f;2", "1795304400.63", CALL_03, "HOTLINE_CALLER",
                        "withheld"),
                AmiWire.varSet("Local/800290290@numero-verde-0000001f;2", "1795304400.63", CALL_03, "HOTLINE_OUTCOME",
                        "FALLBACK"))) {
            events.add(1, new AmiWire.Recorded(0.001, fields, AmiWire.build(fields)));
        }
        feed(events);
        settle();
        CallRecord call = recorded(CALL_03);
        assertThat(call.callerWithheld()).isTrue();
        assertThat(call.callerPseudonym()).isEmpty();
        assertThat(call.outcome()).isEqualTo(CallOutcome.FALLBACK);
    }

    @Test
    void aCallbackTicketVariableThatIsNotATicketIdLinksNothing() {
        List<AmiWire.Recorded> events = new ArrayList<>(AmiWire.events("03-busy-unavail"));
        Map<String, String> fields = AmiWire.varSet("Local/800290290@numero-verde-0000001f;2", "1795304400.63", CALL_03,
                "HOTLINE_CALLBACK_TICKET", "not a ticket id <script>");
        events.add(1, new AmiWire.Recorded(0.001, fields, AmiWire.build(fields)));
        feed(events);
        settle();
        assertThat(recorded(CALL_03).ticketIds()).isEmpty();
    }

    @Test
    void theCallbackTicketTheScriptOpenedIsLinkedToTheRecord() {
        List<AmiWire.Recorded> events = new ArrayList<>(AmiWire.events("03-busy-unavail"));
        Map<String, String> fields = AmiWire.varSet("Local/800290290@numero-verde-0000001f;2", "1795304400.63", CALL_03,
                "HOTLINE_CALLBACK_TICKET", "01JD3QZ8X5T0M2K7N4P6R8S9VW");
        events.add(1, new AmiWire.Recorded(0.001, fields, AmiWire.build(fields)));
        feed(events);
        settle();
        assertThat(recorded(CALL_03).ticketIds()).containsExactly("01JD3QZ8X5T0M2K7N4P6R8S9VW");
    }

    @Test
    void garbageIsLoggedAndSkippedAndTheRecordStillWritten() {
        List<AmiWire.Recorded> events = new ArrayList<>(AmiWire.events("01-answered"));
        String huge = "x".repeat(100_000);
        for (Map<String, String> fields : List.of(
                AmiWire.varSet(CALLER_01, CALLER_01_UID, CALL_01, "HOTLINE_LANG", "english\uFFFD"),
                AmiWire.varSet(CALLER_01, CALLER_01_UID, CALL_01, "HOTLINE_CALLER", "+39 " + NUMBER),
                AmiWire.varSet(CALLER_01, CALLER_01_UID, CALL_01, "HOTLINE_OUTCOME", huge),
                AmiWire.varSet(CALLER_01, "", "", "HOTLINE_LANG", "it"),
                Map.of("Event", "Hangup", "Linkedid", CALL_01),
                Map.of("Event", "DialEnd", "Linkedid", CALL_01, "Uniqueid", CALLER_01_UID, "DestUniqueid", "9.9",
                        "DialStatus", "WHATEVER\u0007"))) {
            events.add(events.size() - 3, new AmiWire.Recorded(11.0, fields, AmiWire.build(fields)));
        }
        feed(events);
        settle();

        CallRecord call = recorded(CALL_01);
        assertThat(call.callerPseudonym()).as("a number is never taken as a pseudonym").isEmpty();
        assertThat(call.language()).isEmpty();
        assertThat(call.outcome()).isEqualTo(CallOutcome.ANSWERED);
        assertThat(messages()).anyMatch(m -> m.contains("not valid UTF-8"))
                .anyMatch(m -> m.contains("too long")).anyMatch(m -> m.contains("looks like a phone number"))
                .anyMatch(m -> m.contains("unusable DialStatus")).anyMatch(m -> m.contains("not a language code"));
        assertThat(logs.list).filteredOn(e -> e.getFormattedMessage().contains("looks like a phone number"))
                .allMatch(e -> CALL_01.equals(e.getMDCPropertyMap().get("callId")));
    }

    @Test
    void theCallersNumberIsInNoRecordLogLineMeterOrLiveEvent() {
        root().setLevel(ch.qos.logback.classic.Level.TRACE);
        try {
            feed(withOurVariables(AmiWire.events("01-answered")));
            feed(AmiWire.events("03-busy-unavail"));
            settle();
        } finally {
            root().setLevel(ch.qos.logback.classic.Level.INFO);
        }
        assertThat(store.saves).hasSize(2);
        assertThat(AmiWire.events("01-answered")).anyMatch(e -> e.fields().containsValue(NUMBER));
        assertThat(store.saves).allSatisfy(call -> assertThat(call.toString()).doesNotContain(NUMBER));
        assertThat(messages()).isNotEmpty().noneMatch(m -> m.contains(NUMBER));
        assertThat(logs.list).allSatisfy(e -> assertThat(e.getMDCPropertyMap().toString()).doesNotContain(NUMBER));
        for (Meter meter : registry.getMeters()) {
            assertThat(meter.getId().toString()).doesNotContain(NUMBER);
        }
        assertThat(live).allSatisfy(e -> assertThat(e.toString()).doesNotContain(NUMBER));
    }

    private List<String> messages() {
        return logs.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
    }

    private static int indexOf(List<AmiWire.Recorded> events, Predicate<AmiWire.Recorded> test) {
        for (int i = 0; i < events.size(); i++) {
            if (test.test(events.get(i))) {
                return i;
            }
        }
        throw new AssertionError("no such event");
    }
}
