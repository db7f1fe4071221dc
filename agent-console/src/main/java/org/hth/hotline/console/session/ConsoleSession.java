package org.hth.hotline.console.session;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.hth.hotline.core.user.Role;

/**
 * One logged-in browser. The id and CSRF token are random 256-bit values; they are never logged.
 *
 * @param id         the session id, the session cookie's value
 * @param username   who logged in
 * @param roles      their roles at login
 * @param operatorId the roster operator they are, for operators
 * @param csrfToken  the token every state-changing request must send in {@code X-CSRF-Token}
 * @param createdAt  login time (for the absolute expiry)
 * @param lastSeen   last activity (for the idle expiry)
 */
public record ConsoleSession(String id, String username, Set<Role> roles, Optional<String> operatorId,
                             String csrfToken, Instant createdAt, Instant lastSeen) {
    public ConsoleSession {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(operatorId, "operatorId");
        Objects.requireNonNull(csrfToken, "csrfToken");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(lastSeen, "lastSeen");
        roles = Set.copyOf(roles);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    ConsoleSession seenAt(Instant now) {
        return new ConsoleSession(id, username, roles, operatorId, csrfToken, createdAt, now);
    }
}
