package org.hth.hotline.core.user;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A console user.
 *
 * @param username     the login name
 * @param passwordHash the encoded password hash (never the password)
 * @param roles        what the user may do
 * @param operatorId   the roster operator this user is, for operators
 * @param createdAt    when the account was made
 * @param disabled     whether logins are refused
 */
public record User(String username, String passwordHash, Set<Role> roles, Optional<String> operatorId,
                   Instant createdAt, boolean disabled) {
    public User {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(passwordHash, "passwordHash");
        Objects.requireNonNull(operatorId, "operatorId");
        Objects.requireNonNull(createdAt, "createdAt");
        roles = Set.copyOf(roles);
    }
}
