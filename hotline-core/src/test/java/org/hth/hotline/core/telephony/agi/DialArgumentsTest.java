package org.hth.hotline.core.telephony.agi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;

import org.hth.hotline.core.roster.EndpointKind;
import org.hth.hotline.core.roster.FallbackStep;
import org.hth.hotline.core.roster.PlannedStep;
import org.hth.hotline.core.roster.RingTarget;
import org.junit.jupiter.api.Test;

class DialArgumentsTest {
    private final DialArguments arguments = new DialArguments(RouteConfig.defaults());
    private final RingTarget annaConsole = new RingTarget("op-anna", "PJSIP/op-anna", EndpointKind.CONSOLE);
    private final RingTarget lucaConsole = new RingTarget("op-luca", "PJSIP/op-luca", EndpointKind.CONSOLE);
    private final RingTarget lucaMobile = new RingTarget("op-luca", "PJSIP/+393330000002@trunk", EndpointKind.MOBILE);

    @Test
    void consoleStepRingsWithMusicAndTheWhisper() {
        assertThat(arguments.forStep(List.of(annaConsole, lucaConsole), 20, "en"))
                .containsExactly("PJSIP/op-anna&PJSIP/op-luca", "20", "mA(hotline/whisper-en)");
    }

    @Test
    void stepWithAMobileRunsTheAcceptGosubInsteadOfTheWhisper() {
        assertThat(arguments.forStep(List.of(lucaConsole, lucaMobile), 25, "pcm"))
                .containsExactly("PJSIP/op-luca&PJSIP/+393330000002@trunk", "25", "mU(hotline-accept^pcm)");
    }

    @Test
    void theCallsVariablesRideOnTheDialAsABeforeGosubAfterTheOtherOptions() {
        assertThat(arguments.forStep(List.of(lucaMobile), 25, "pcm",
                Optional.of("hotline-vars^s^1(1795304357.52^ab12^pcm^1)")))
                .containsExactly("PJSIP/+393330000002@trunk", "25",
                        "mU(hotline-accept^pcm)B(hotline-vars^s^1(1795304357.52^ab12^pcm^1))");
    }

    @Test
    void fallbackLineRingsWithMusicOnly() {
        assertThat(DialArguments.forFallback(new FallbackStep.Dial("PJSIP/national-fallback", 60)))
                .containsExactly("PJSIP/national-fallback", "60", "m");
    }

    @Test
    void endpointThatWouldBreakTheArgumentIsLeftOut() {
        RingTarget evil = new RingTarget("op-x", "PJSIP/op-x,1,G(evil)", EndpointKind.CONSOLE);
        assertThat(DialArguments.dialable(new PlannedStep(1, 20, List.of(evil, annaConsole))))
                .containsExactly(annaConsole);
    }

    @Test
    void answeringOperatorIsFoundByPeerNumberThenByChannelName() {
        List<RingTarget> step = List.of(annaConsole, lucaConsole, lucaMobile);
        assertThat(DialArguments.answeredBy(step, "+393330000002@trunk", "PJSIP/trunk-0000002c")).contains("op-luca");
        assertThat(DialArguments.answeredBy(step, null, "PJSIP/op-anna-0000001b")).contains("op-anna");
        assertThat(DialArguments.answeredBy(step, null, "PJSIP/op-annabel-1")).isEmpty();
        assertThat(DialArguments.answeredBy(List.of(lucaConsole, lucaMobile), null, null)).contains("op-luca");
    }
}
