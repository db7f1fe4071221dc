package org.hth.hotline.core.audit;

import java.time.Instant;
import java.util.Optional;

/**
 * A filter over the audit log, newest first.
 *
 * @param from  entries at or after
 * @param to    entries before
 * @param user  only this user's
 * @param limit at most this many
 */
public record AuditQuery(Optional<Instant> from, Optional<Instant> to, Optional<String> user, int limit) {
    public AuditQuery {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive, was " + limit);
        }
    }
}
