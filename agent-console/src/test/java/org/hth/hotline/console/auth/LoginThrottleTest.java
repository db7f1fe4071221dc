package org.hth.hotline.console.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.hth.hotline.core.testing.MutableClock;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-21T03:00:00Z"));
    private final LoginThrottle throttle = new LoginThrottle(clock, 3, Duration.ofMinutes(10));

    @Test
    void aNameIsLockedAfterTheLimitUntilTheLockoutPasses() {
        fail("anna", "10.0.0.1", 2);
        assertThat(throttle.lockedUntil("anna", "10.0.0.1")).isEmpty();

        fail("anna", "10.0.0.1", 1);

        assertThat(throttle.lockedUntil("anna", "10.0.0.2")).contains(clock.instant().plus(Duration.ofMinutes(10)));
        clock.advance(Duration.ofMinutes(10));
        assertThat(throttle.lockedUntil("anna", "10.0.0.1")).isEmpty();
    }

    @Test
    void namesAreComparedIgnoringCaseAndSpaces() {
        fail("Anna ", "10.0.0.1", 3);

        assertThat(throttle.lockedUntil("anna", "10.0.0.9")).isPresent();
    }

    @Test
    void failuresOlderThanTheWindowAreForgotten() {
        fail("anna", "10.0.0.1", 2);
        clock.advance(Duration.ofMinutes(11));
        fail("anna", "10.0.0.1", 1);

        assertThat(throttle.lockedUntil("anna", "10.0.0.1")).isEmpty();
    }

    @Test
    void anAddressTryingManyNamesIsLockedAtFourTimesTheLimit() {
        for (int i = 0; i < 12; i++) {
            throttle.failed("user" + i, "10.6.6.6");
        }

        assertThat(throttle.lockedUntil("someone-new", "10.6.6.6")).isPresent();
        assertThat(throttle.lockedUntil("someone-new", "10.0.0.1")).isEmpty();
    }

    @Test
    void successClearsTheNameButNotTheAddress() {
        fail("anna", "10.0.0.1", 2);
        throttle.succeeded("anna");
        fail("anna", "10.0.0.1", 2);

        assertThat(throttle.lockedUntil("anna", "10.0.0.3")).isEmpty();
    }

    private void fail(String name, String address, int times) {
        for (int i = 0; i < times; i++) {
            throttle.failed(name, address);
        }
    }
}
