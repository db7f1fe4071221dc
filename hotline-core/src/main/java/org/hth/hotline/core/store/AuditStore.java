package org.hth.hotline.core.store;

import java.util.List;

import org.hth.hotline.core.audit.AuditEntry;
import org.hth.hotline.core.audit.AuditQuery;

/** The audit log, append-only. Thread-safe. */
public interface AuditStore {

    void append(AuditEntry entry);

    /** Entries that match, newest first. */
    List<AuditEntry> query(AuditQuery query);
}
