package org.hth.hotline.core.audit;

import java.time.Instant;
import java.util.Objects;

/**
 * One audited action. The detail names fields, never their content (no note text, no phone number).
 *
 * @param at          when
 * @param user        who
 * @param action      e.g. {@code call.view}, {@code ticket.create}, {@code roster.update}
 * @param subjectType e.g. {@code call}, {@code ticket}
 * @param subjectId   the call or ticket id
 * @param detail      short description
 */
public record AuditEntry(Instant at, String user, String action, String subjectType, String subjectId,
                         String detail) {
    public AuditEntry {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(subjectType, "subjectType");
        Objects.requireNonNull(subjectId, "subjectId");
        Objects.requireNonNull(detail, "detail");
    }
}
