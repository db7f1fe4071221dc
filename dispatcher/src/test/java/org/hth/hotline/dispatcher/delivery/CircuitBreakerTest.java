package org.hth.hotline.dispatcher.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class CircuitBreakerTest {
    private static final Instant T0 = Instant.parse("2026-11-21T23:00:00Z");
    private final CircuitBreaker circuit = new CircuitBreaker(3, Duration.ofSeconds(30));

    @Test
    void opensAfterConsecutiveFailuresAndRefusesUntilItsWaitEnds() {
        circuit.failure(T0);
        circuit.failure(T0);
        assertThat(circuit.allow(T0)).isTrue();
        circuit.failure(T0);
        assertThat(circuit.state()).isEqualTo(CircuitBreaker.State.OPEN);
        assertThat(circuit.allow(T0.plusSeconds(29))).isFalse();
        assertThat(circuit.retryAt(T0.plusSeconds(1))).isEqualTo(T0.plusSeconds(30));
    }

    @Test
    void halfOpenLetsOneTrialThroughAndASuccessCloses() {
        for (int i = 0; i < 3; i++) {
            circuit.failure(T0);
        }
        assertThat(circuit.allow(T0.plusSeconds(30))).isTrue();
        assertThat(circuit.allow(T0.plusSeconds(30))).isFalse();
        circuit.success();
        assertThat(circuit.state()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(circuit.failingSince()).isEmpty();
    }

    @Test
    void aFailedTrialOpensAgainAndKeepsTheStartOfTheFailures() {
        for (int i = 0; i < 3; i++) {
            circuit.failure(T0);
        }
        circuit.allow(T0.plusSeconds(30));
        circuit.failure(T0.plusSeconds(31));
        assertThat(circuit.state()).isEqualTo(CircuitBreaker.State.OPEN);
        assertThat(circuit.failingSince()).contains(T0);
    }
}
