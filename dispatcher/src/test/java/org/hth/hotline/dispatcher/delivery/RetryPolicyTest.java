package org.hth.hotline.dispatcher.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class RetryPolicyTest {
    private static final Instant NOW = Instant.parse("2026-11-21T23:14:03Z");
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final RetryPolicy policy = new RetryPolicy(List.of(Duration.ZERO, Duration.ofSeconds(5),
            Duration.ofMinutes(5)), new SplittableRandom(7));

    private Verdict classify(int status, String retryAfter) {
        return RetryPolicy.classify(OptionalInt.of(status), Optional.ofNullable(retryAfter), Optional.empty(), clock);
    }

    @Test
    void twoHundredsAreDelivered() {
        assertThat(classify(200, null)).isInstanceOf(Verdict.Delivered.class);
        assertThat(classify(204, null)).isInstanceOf(Verdict.Delivered.class);
    }

    @Test
    void clientErrorsAreDeadAtOnceExceptTimeoutAndTooManyRequests() {
        assertThat(classify(400, null)).isInstanceOf(Verdict.Permanent.class);
        assertThat(classify(410, null)).isInstanceOf(Verdict.Permanent.class);
        assertThat(classify(408, null)).isInstanceOf(Verdict.Retry.class);
        assertThat(classify(429, null)).isInstanceOf(Verdict.Retry.class);
    }

    @Test
    void serverErrorsAndNoAnswerAreRetried() {
        assertThat(classify(500, null)).isInstanceOf(Verdict.Retry.class);
        assertThat(RetryPolicy.classify(OptionalInt.empty(), Optional.empty(), Optional.of("timeout"), clock))
                .isEqualTo(new Verdict.Retry("timeout", Optional.empty()));
    }

    @Test
    void retryAfterIsReadAsSecondsOrHttpDate() {
        assertThat(classify(503, "120")).isEqualTo(new Verdict.Retry("HTTP 503", Optional.of(Duration.ofMinutes(2))));
        assertThat(classify(503, "Sat, 21 Nov 2026 23:15:03 GMT"))
                .isEqualTo(new Verdict.Retry("HTTP 503", Optional.of(Duration.ofMinutes(1))));
        assertThat(classify(503, "soon")).isEqualTo(new Verdict.Retry("HTTP 503", Optional.empty()));
    }

    @Test
    void delaysAreFullJitterWithinEachStep() {
        for (int i = 0; i < 200; i++) {
            Instant next = policy.nextAttempt(1, Optional.empty(), NOW).orElseThrow();
            assertThat(next).isBetween(NOW, NOW.plusSeconds(5));
        }
    }

    @Test
    void retryAfterIsAFloorCappedAtTheLongestStep() {
        assertThat(policy.nextAttempt(1, Optional.of(Duration.ofSeconds(60)), NOW).orElseThrow())
                .isAfterOrEqualTo(NOW.plusSeconds(60));
        assertThat(policy.nextAttempt(1, Optional.of(Duration.ofDays(3)), NOW).orElseThrow())
                .isEqualTo(NOW.plus(Duration.ofMinutes(5)));
    }

    @Test
    void afterTheLastStepTheEntryIsDead() {
        assertThat(policy.nextAttempt(3, Optional.empty(), NOW)).isEmpty();
    }
}
