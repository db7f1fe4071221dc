package org.hth.hotline.standin.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import org.hth.hotline.standin.call.EndpointBehaviour;
import org.junit.jupiter.api.Test;

class ScenarioLoaderTest {
    @Test
    void readsCallsEndpointsAndLoad() {
        Scenario s = ScenarioLoader.parse("""
                speed: 10
                endpoints:
                  PJSIP/op-anna: { answer: 3s, talk: 60s }
                  PJSIP/op-bruno: never-answer
                  PJSIP/op-carla: busy
                  PJSIP/op-dario: unavailable
                  PJSIP/+393331112222@trunk: { answer-without-accept: 2s, accept-timeout: 10s }
                default-endpoint: never-answer
                calls:
                  - { caller: "3331234567", name: Test Caller, keys: ["2"], hangup-after: 30s }
                  - { caller: withheld }
                load: { calls: 200, rate: 50, caller: { keys: ["1"], hangup-after: 500ms } }
                """);
        assertThat(s.speed()).isEqualTo(10);
        assertThat(s.endpoints().behaviourOf("PJSIP/op-anna"))
                .isEqualTo(new EndpointBehaviour.Answer(Duration.ofSeconds(3), Optional.of(Duration.ofSeconds(60))));
        assertThat(s.endpoints().behaviourOf("PJSIP/op-carla")).isEqualTo(new EndpointBehaviour.Busy(Duration.ZERO));
        assertThat(s.endpoints().behaviourOf("PJSIP/unknown")).isInstanceOf(EndpointBehaviour.NeverAnswer.class);
        assertThat(s.calls().get(0).keys()).containsExactly("2");
        assertThat(s.calls().get(1).withheld()).isTrue();
        assertThat(s.load().orElseThrow().caller().hangupAfter()).contains(Duration.ofMillis(500));
        assertThat(s.totalCalls()).isEqualTo(202);
    }
}
