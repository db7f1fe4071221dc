package org.hth.hotline.ops.users;

import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.hth.hotline.console.auth.PasswordHasher;
import org.hth.hotline.core.store.UserStore;
import org.hth.hotline.core.user.Role;
import org.hth.hotline.core.user.User;

/** Makes a console account with a hashed password, after checking the name and the password's length. */
public final class UserAdder {
    /** Lower-case letters, digits, dot, dash, underscore; 2 to 40 characters. */
    public static final Pattern USERNAME = Pattern.compile("[a-z0-9._-]{2,40}");
    public static final int MIN_PASSWORD_LENGTH = 12;

    private final UserStore users;
    private final PasswordHasher hasher;
    private final Clock clock;

    public UserAdder(UserStore users, PasswordHasher hasher, Clock clock) {
        this.users = users;
        this.hasher = hasher;
        this.clock = clock;
    }

    /**
     * Creates the user.
     *
     * @throws IllegalArgumentException with a message for the person at the terminal when the name or the
     *                                  password is not acceptable
     */
    public User add(String username, Set<Role> roles, Optional<String> operatorId, char[] password) {
        if (!USERNAME.matcher(username).matches()) {
            throw new IllegalArgumentException("NAME: \"" + username + "\" is not a user name; expected 2-40 of"
                    + " a-z 0-9 . _ -");
        }
        if (password.length < MIN_PASSWORD_LENGTH) {
            throw new IllegalArgumentException("password: too short; expected at least " + MIN_PASSWORD_LENGTH
                    + " characters");
        }
        User user = new User(username, hasher.hash(password), roles, operatorId, clock.instant(), false);
        users.create(user);
        return user;
    }
}
