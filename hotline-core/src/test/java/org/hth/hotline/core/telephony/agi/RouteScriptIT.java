package org.hth.hotline.core.telephony.agi;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.hth.hotline.core.live.LiveEvent;
import org.hth.hotline.core.referral.AccessChannel;
import org.hth.hotline.core.referral.Territory;
import org.hth.hotline.core.referral.Ticket;
import org.hth.hotline.core.referral.TicketKind;
import org.hth.hotline.core.referral.Urgency;
import org.hth.hotline.core.roster.Presence;
import org.hth.hotline.core.roster.PresenceState;
import org.hth.hotline.core.telephony.agi.FakeAsterisk.Dial;
import org.hth.hotline.core.testing.Fixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The route script over real sockets, against a fake Asterisk that answers like the recorded one. */
class RouteScriptIT {
    static final String CALLER = "3331234567";
    static final String STEP_1 = "EXEC Dial PJSIP/op-anna,20,mA(hotline/whisper-en)";
    static final String MENU = "GET DATA hotline/menu-it&hotline/menu-en&hotline/menu-fr&hotline/menu-es"
            + "&hotline/menu-ro&hotline/menu-sq&hotline/menu-ar&hotline/menu-zh&hotline/menu-pcm 5000 1";
    static final String STEP_2 = "EXEC Dial PJSIP/op-luca&PJSIP/+393330000002@trunk,20,mU(hotline-accept^en)";

    @RegisterExtension
    final RouteServerExtension server = new RouteServerExtension();

    @AfterEach
    void noNumberInAnyLogLine() {
        assertThat(server.renderedLogs()).doesNotContain(CALLER).doesNotContain("+39333123");
    }

    /** The first Dial: it carries the call's variables to the shipped {@code [hotline-vars]} with {@code B()}. */
    String first(String dial, String callId, String lang) {
        return first(dial, callId, lang, 1);
    }

    String first(String dial, String callId, String lang, int step) {
        return dial + "B(hotline-vars^s^1(" + callId + "^" + server.pseudonymiser.pseudonymOf(CALLER).orElseThrow()
                + "^" + lang + "^" + step + "))";
    }

    @Test
    void answeredAtStepOne() {
        FakeAsterisk call = new FakeAsterisk(CALLER, "1795304357.52")
                .then(Dial.answeredBy("op-anna", "PJSIP/op-anna-0000001b")).call(server.port());

        String pseudonym = server.pseudonymiser.pseudonymOf(CALLER).orElseThrow();
        // the recorded environment has no agi_arg_1 (an older dialplan): the script asks for the linkedid
        // no MSet before the Dial: the variables ride on it
        assertThat(call.commandsBeforeDial()).containsExactly("GET VARIABLE CHANNEL(linkedid)", MENU);
        String firstDial = first(STEP_1, "1795304357.52", "en");
        assertThat(call.commands).contains(firstDial, "EXEC MSet HOTLINE_ANSWERED_BY=op-anna,HOTLINE_OUTCOME=ANSWERED");
        assertThat(call.commandsStartingWith("EXEC Dial")).containsExactly(firstDial);
        assertThat(call.assignments).startsWith("HOTLINE_CALL_ID=1795304357.52", "HOTLINE_CALLER=" + pseudonym,
                "HOTLINE_LANG=en", "HOTLINE_STEP=1");
        assertThat(call.variables).containsEntry("HOTLINE_CALL_ID", "1795304357.52")
                .containsEntry("HOTLINE_CALLER", server.pseudonymiser.pseudonymOf(CALLER).orElseThrow())
                .containsEntry("HOTLINE_LANG", "en").containsEntry("HOTLINE_ANSWERED_BY", "op-anna")
                .containsEntry("HOTLINE_OUTCOME", "ANSWERED");
        assertThat(server.store.tickets).isEmpty();
        assertThat(server.calls("answered")).isEqualTo(1.0);
        assertThat(server.registry.get("hotline.route.decision").timer().count()).isEqualTo(1);
    }

    @Test
    void theLinkedidAsTheScriptsArgumentSavesAskingForIt() {
        FakeAsterisk call = new FakeAsterisk(CALLER, "1795304357.55").linkedIdAsArgument()
                .then(Dial.answeredBy("op-anna", "PJSIP/op-anna-0000001b")).call(server.port());

        assertThat(call.commandsBeforeDial()).containsExactly(MENU);
        assertThat(call.commandsStartingWith("EXEC Dial")).containsExactly(first(STEP_1, "1795304357.55", "en"));
        assertThat(call.variables).containsEntry("HOTLINE_CALL_ID", "1795304357.55")
                .containsEntry("HOTLINE_OUTCOME", "ANSWERED");
    }

    @Test
    void anAsteriskWithoutMSetGetsEveryVariableWithSetVariable() {
        FakeAsterisk call = new FakeAsterisk(CALLER, "1795304357.56").linkedIdAsArgument().withoutMSet()
                .then(Dial.answeredBy("op-anna", "PJSIP/op-anna-0000001b")).call(server.port());

        // MSet is not needed before the first Dial any more: only the outcome finds it missing
        assertThat(call.commandsBeforeDial()).containsExactly(MENU);
        assertThat(call.commandsStartingWith("EXEC Dial")).containsExactly(first(STEP_1, "1795304357.56", "en"));
        assertThat(call.commands).contains("EXEC MSet HOTLINE_ANSWERED_BY=op-anna,HOTLINE_OUTCOME=ANSWERED",
                "SET VARIABLE HOTLINE_ANSWERED_BY op-anna", "SET VARIABLE HOTLINE_OUTCOME ANSWERED");
        assertThat(call.variables).containsEntry("HOTLINE_CALL_ID", "1795304357.56").containsKey("HOTLINE_CALLER")
                .containsEntry("HOTLINE_ANSWERED_BY", "op-anna").containsEntry("HOTLINE_OUTCOME", "ANSWERED");
    }

    @Test
    void presenceToldByALiveEventCountsForTheNextCall() {
        // Anna goes away: the console stores it and tells the live events; her step is then left out
        server.store.roster().setPresence(new Presence("op-anna", PresenceState.AWAY, server.clock.instant()));
        server.live.publish(new LiveEvent("presence.changed", server.clock.instant(),
                Map.of("operatorId", "op-anna", "state", "AWAY")));

        FakeAsterisk call = new FakeAsterisk(CALLER, "1795304357.57").linkedIdAsArgument()
                .then(Dial.answeredBy("+393330000002@trunk", "PJSIP/trunk-0000002c")).call(server.port());

        assertThat(call.commandsStartingWith("EXEC Dial")).containsExactly(first(STEP_2, "1795304357.57", "en", 2));
        assertThat(call.variables).containsEntry("HOTLINE_ANSWERED_BY", "op-luca").containsEntry("HOTLINE_STEP", "2");
    }

    @Test
    void stepOneNoAnswerThenStepTwoAnswersOnTheMobile() {
        FakeAsterisk call = new FakeAsterisk(CALLER, "1795304357.60")
                .then(Dial.ends("NOANSWER"))
                .then(Dial.answeredBy("+393330000002@trunk", "PJSIP/trunk-0000002c")).call(server.port());

        assertThat(call.commandsStartingWith("EXEC Dial")).containsExactly(first(STEP_1, "1795304357.60", "en"), STEP_2);
        assertThat(call.valuesOf("HOTLINE_STEP")).containsExactly("1", "2");
        assertThat(call.commands).contains("SET VARIABLE HOTLINE_STEP 2");
        assertThat(call.variables).containsEntry("HOTLINE_ANSWERED_BY", "op-luca")
                .containsEntry("HOTLINE_OUTCOME", "ANSWERED");
    }

    @Test
    void everyoneBusyGoesToTheFallbackAndOpensACallbackTicketWithTheNumberSealed() {
        FakeAsterisk call = new FakeAsterisk(CALLER, "1795304400.62")
                .then(Dial.ends("BUSY")).then(Dial.ends("CHANUNAVAIL")).then(Dial.ends("NOANSWER"))
                .call(server.port());

        assertThat(call.commands.stream().filter(c -> c.startsWith("EXEC") && !c.startsWith("EXEC MSet")))
                .containsExactly(first(STEP_1, "1795304400.62", "en"), STEP_2, "EXEC Dial PJSIP/national-fallback,60,m",
                        "EXEC VoiceMail hotline@default,u");
        assertThat(call.variables).containsEntry("HOTLINE_OUTCOME", "VOICEMAIL");
        assertThat(server.store.tickets).hasSize(1);
        Ticket ticket = server.store.tickets.get(0);
        assertThat(ticket.kind()).isEqualTo(TicketKind.CALLBACK);
        assertThat(ticket.accessChannel()).isEqualTo(AccessChannel.NUMERO_VERDE);
        assertThat(ticket.urgency()).isEqualTo(Urgency.ORDINARY);
        assertThat(ticket.territory()).isEqualTo(Territory.UNKNOWN);
        assertThat(ticket.callId()).contains("1795304400.62");
        assertThat(ticket.person().languages()).containsExactly("en");
        assertThat(call.variables).containsEntry("HOTLINE_CALLBACK_TICKET", ticket.id());
        assertThat(server.sealer.open(ticket.sealedCallbackNumber().orElseThrow(), server.clock.instant()))
                .contains("+393331234567");
        assertThat(server.sealer.open(ticket.sealedCallbackNumber().orElseThrow(),
                server.clock.instant().plus(RouteConfig.defaults().callbackRetention()))).isEmpty();
        assertThat(ticket.toString()).doesNotContain(CALLER);
        assertThat(call.commands.toString()).doesNotContain(CALLER);
        assertThat(server.calls("voicemail")).isEqualTo(1.0);
    }

    @Test
    void callerWhoHangsUpWhileRingingIsAbandoned() {
        FakeAsterisk call = new FakeAsterisk(CALLER, "1795304357.70").then(Dial.callerHangsUp()).call(server.port());

        assertThat(call.commandsStartingWith("EXEC Dial")).containsExactly(first(STEP_1, "1795304357.70", "en"));
        assertThat(call.variables).containsEntry("HOTLINE_OUTCOME", "ABANDONED").doesNotContainKey("HOTLINE_ANSWERED_BY")
                .containsEntry("HOTLINE_CALL_ID", "1795304357.70").containsEntry("HOTLINE_STEP", "1");
        assertThat(server.store.tickets).isEmpty();
        assertThat(server.calls("abandoned")).isEqualTo(1.0);
    }

    @Test
    void callerWhoHangsUpAfterTalkingWasAnswered() {
        // call 01 as recorded: Dial returns -1 when the caller hangs up after the conversation, DIALSTATUS=ANSWER
        FakeAsterisk call = new FakeAsterisk(CALLER, "1795304357.53")
                .then(new Dial(-1, "ANSWER", "op-anna", "PJSIP/op-anna-0000001b")).call(server.port());

        assertThat(call.variables).containsEntry("HOTLINE_OUTCOME", "ANSWERED").containsEntry("HOTLINE_ANSWERED_BY", "op-anna");
    }

    @Test
    void callerWhoHangsUpDuringTheMenuIsAbandonedWithoutRinging() {
        FakeAsterisk call = new FakeAsterisk(CALLER, "1795304357.75").menuReply("200 result=-1").call(server.port());

        assertThat(call.commandsStartingWith("EXEC Dial")).isEmpty();
        assertThat(call.variables).containsEntry("HOTLINE_OUTCOME", "ABANDONED")
                .containsEntry("HOTLINE_CALL_ID", "1795304357.75").containsKey("HOTLINE_CALLER")
                .doesNotContainKey("HOTLINE_LANG");
    }

    @Test
    void repeatCallerSkipsTheMenuAndKeepsTheirLanguage() {
        String pseudonym = server.pseudonymiser.pseudonymOf(CALLER).orElseThrow();
        server.store.calls.add(Fixtures.abandonedCall("1795300000.1", Instant.parse("2026-11-20T10:00:00Z"), pseudonym));
        FakeAsterisk call = new FakeAsterisk("+39 333 123 4567", "1795304357.80").linkedIdAsArgument()
                .menuReply("200 result=1").then(Dial.answeredBy("op-anna", "PJSIP/op-anna-00000001")).call(server.port());

        assertThat(call.commandsBeforeDial()).isEmpty();
        assertThat(call.commandsStartingWith("EXEC Dial")).containsExactly(first(STEP_1, "1795304357.80", "en"));
        assertThat(call.variables).containsEntry("HOTLINE_LANG", "en").containsEntry("HOTLINE_OUTCOME", "ANSWERED");
    }

    @Test
    void menuTimeoutTakesTheDefaultLanguage() {
        FakeAsterisk call = new FakeAsterisk(CALLER, "1795304357.85").menuReply("200 result= (timeout)")
                .then(Dial.answeredBy("op-anna", "PJSIP/op-anna-00000001")).call(server.port());

        assertThat(call.variables).containsEntry("HOTLINE_LANG", "it");
        assertThat(call.commandsStartingWith("EXEC Dial"))
                .containsExactly(first("EXEC Dial PJSIP/op-anna,20,mA(hotline/whisper-it)", "1795304357.85", "it"));
    }

    @Test
    void withheldCallerIsRoutedAndTheirCallbackTicketHasNoNumber() {
        FakeAsterisk call = new FakeAsterisk("unknown", "1795304357.90")
                .then(Dial.ends("NOANSWER")).then(Dial.ends("NOANSWER")).then(Dial.answeredBy("national-fallback", "PJSIP/trunk-1"))
                .call(server.port());

        assertThat(call.variables).containsEntry("HOTLINE_CALLER", "withheld").containsEntry("HOTLINE_OUTCOME", "FALLBACK");
        // withheld is a safe value: the first Dial carries it
        assertThat(call.commandsBeforeDial()).noneMatch(command -> command.startsWith("EXEC MSet"));
        assertThat(call.valuesOf("HOTLINE_STEP")).containsExactly("1", "2");
        assertThat(server.store.tickets).singleElement()
                .satisfies(ticket -> assertThat(ticket.sealedCallbackNumber()).isEqualTo(Optional.empty()));
    }

    @Test
    void callerIdWithMarkupOrControlCharactersCountsAsWithheld() {
        for (String bad : List.of("<script>alert(1)</script>3331234567", "333\u00011234567", "\"Evil\" <3331234567>")) {
            FakeAsterisk call = new FakeAsterisk(bad, "1795304358.1")
                    .then(Dial.answeredBy("op-anna", "PJSIP/op-anna-00000001")).call(server.port());
            assertThat(call.variables).containsEntry("HOTLINE_CALLER", "withheld").containsEntry("HOTLINE_OUTCOME", "ANSWERED");
        }
    }
}
