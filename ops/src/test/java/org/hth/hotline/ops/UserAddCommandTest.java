package org.hth.hotline.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Map;
import java.util.Set;

import org.hth.hotline.console.auth.PasswordHasher;
import org.hth.hotline.core.store.Store;
import org.hth.hotline.core.store.sqlite.SqliteStore;
import org.hth.hotline.core.user.Role;
import org.hth.hotline.core.user.User;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UserAddCommandTest {
    @TempDir
    Path dataDir;

    private Map<String, String> env() {
        return TestEnvironments.serverEnv(dataDir, TestEnvironments.freePort());
    }

    private User stored(String name) {
        try (Store store = SqliteStore.open(dataDir.resolve("hotline.db"), Clock.systemUTC())) {
            return store.users().find(name).orElseThrow();
        }
    }

    @Test
    void userIsStoredWithAHashedPasswordReadFromStdin() {
        var run = TestEnvironments.captured(env(), "a long enough secret\n");

        assertThat(run.run("user", "add", "marta", "--role", "coordinator,operator", "--operator", "op-marta"))
                .isZero();

        User marta = stored("marta");
        assertThat(marta.roles()).containsExactlyInAnyOrder(Role.COORDINATOR, Role.OPERATOR);
        assertThat(marta.operatorId()).contains("op-marta");
        assertThat(marta.passwordHash()).startsWith("$argon2id$").doesNotContain("secret");
        assertThat(new PasswordHasher(new SecureRandom()).verify("a long enough secret".toCharArray(),
                marta.passwordHash())).isTrue();
        assertThat(run.out().toString()).contains("user marta added").doesNotContain("secret");
    }

    @Test
    void aShortPasswordIsRefusedAndNothingIsStored() {
        var run = TestEnvironments.captured(env(), "short\n");

        assertThat(run.run("user", "add", "ivan", "--role", "operator")).isEqualTo(2);
        assertThat(run.err().toString()).contains("password: too short");
        try (Store store = SqliteStore.open(dataDir.resolve("hotline.db"), Clock.systemUTC())) {
            assertThat(store.users().find("ivan")).isEmpty();
        }
    }

    @Test
    void aTakenNameIsRefused() {
        assertThat(TestEnvironments.captured(env(), "first password ok\n").run("user", "add", "anna", "--role",
                "operator")).isZero();
        var again = TestEnvironments.captured(env(), "second password ok\n");

        assertThat(again.run("user", "add", "anna", "--role", "admin")).isEqualTo(2);
        assertThat(again.err().toString()).contains("already exists");
        assertThat(stored("anna").roles()).isEqualTo(Set.of(Role.OPERATOR));
    }

    @Test
    void anUnknownRoleIsRefusedNamingIt() {
        var run = TestEnvironments.captured(env(), "a long enough secret\n");

        assertThat(run.run("user", "add", "luca", "--role", "boss")).isEqualTo(2);
        assertThat(run.err().toString()).contains("--role: \"boss\" is not a role");
    }

    @Test
    void aNameWithMarkupIsRefused() {
        var run = TestEnvironments.captured(env(), "a long enough secret\n");

        assertThat(run.run("user", "add", "<script>", "--role", "operator")).isEqualTo(2);
        assertThat(run.err().toString()).contains("is not a user name");
    }
}
