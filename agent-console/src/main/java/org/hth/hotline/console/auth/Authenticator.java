package org.hth.hotline.console.auth;

import java.util.Arrays;
import java.util.Optional;

import org.hth.hotline.core.store.UserStore;
import org.hth.hotline.core.user.User;

/**
 * Checks a user name and password against the store. An unknown or disabled user costs the same work as a
 * known one (a dummy hash is verified), and every refusal looks the same to the caller. Blocking (store
 * and Argon2): call on a worker thread. Thread-safe.
 */
public final class Authenticator {
    private final UserStore users;
    private final PasswordHasher hasher;
    private final String dummyHash;

    public Authenticator(UserStore users, PasswordHasher hasher) {
        this.users = users;
        this.hasher = hasher;
        this.dummyHash = hasher.hash("not a password anyone has".toCharArray());
    }

    /** Whether the name exists, is enabled and the password matches; the password array is wiped. */
    public Outcome check(String username, char[] password) {
        Optional<User> user = users.find(username);
        String stored = user.filter(u -> !u.disabled()).map(User::passwordHash).orElse(dummyHash);
        boolean matches = hasher.verify(password, stored);
        Arrays.fill(password, '\0');
        return new Outcome(user.filter(u -> matches && !u.disabled()), user.isPresent());
    }

    /**
     * What a check found; only the audit log may tell the two refusals apart, never the HTTP answer.
     *
     * @param accepted  the user, when the login succeeds
     * @param knownName whether the user name exists
     */
    public record Outcome(Optional<User> accepted, boolean knownName) {
    }
}
