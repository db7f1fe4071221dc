package org.hth.hotline.console.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

import org.hth.hotline.core.testing.MutableClock;
import org.hth.hotline.core.user.Role;
import org.hth.hotline.core.user.User;
import org.junit.jupiter.api.Test;

class SessionRegistryTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-21T03:00:00Z"));
    private final SessionRegistry sessions = new SessionRegistry(clock, new SecureRandom(), Duration.ofMinutes(30),
            Duration.ofHours(2));
    private final User anna = new User("anna", "$argon2id$…", Set.of(Role.OPERATOR), Optional.of("op-anna"),
            clock.instant(), false);

    @Test
    void eachLoginGetsFreshRandomIdAndToken() {
        ConsoleSession a = sessions.open(anna);
        ConsoleSession b = sessions.open(anna);

        assertThat(a.id()).isNotEqualTo(b.id()).hasSize(43);
        assertThat(a.csrfToken()).isNotEqualTo(b.csrfToken()).isNotEqualTo(a.id());
    }

    @Test
    void activityKeepsASessionAliveUntilItsMaximumAge() {
        ConsoleSession s = sessions.open(anna);
        for (int i = 0; i < 5; i++) {
            clock.advance(Duration.ofMinutes(20));
            assertThat(sessions.touch(s.id())).isPresent();
        }

        clock.advance(Duration.ofMinutes(20));

        assertThat(sessions.touch(s.id())).isEmpty();
    }

    @Test
    void checkingLivenessDoesNotCountAsActivity() {
        ConsoleSession s = sessions.open(anna);
        clock.advance(Duration.ofMinutes(20));
        assertThat(sessions.isLive(s.id())).isTrue();

        clock.advance(Duration.ofMinutes(10));

        assertThat(sessions.isLive(s.id())).isFalse();
    }

    @Test
    void purgeForgetsExpiredSessions() {
        sessions.open(anna);
        clock.advance(Duration.ofMinutes(31));

        sessions.purge();

        assertThat(sessions.size()).isZero();
    }
}
