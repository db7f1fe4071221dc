package org.hth.hotline.console.audit;

import java.time.Clock;

import org.hth.hotline.core.audit.AuditEntry;
import org.hth.hotline.core.store.AuditStore;

/**
 * Appends audit entries: who viewed or changed which call or ticket, logins. Details name fields and counts,
 * never their content (no note text, no number, no password). Blocking: call on a worker thread. Thread-safe.
 */
public final class Auditor {
    private final AuditStore audit;
    private final Clock clock;

    public Auditor(AuditStore audit, Clock clock) {
        this.audit = audit;
        this.clock = clock;
    }

    public void record(String user, String action, String subjectType, String subjectId, String detail) {
        audit.append(new AuditEntry(clock.instant(), user, action, subjectType, subjectId, detail));
    }
}
