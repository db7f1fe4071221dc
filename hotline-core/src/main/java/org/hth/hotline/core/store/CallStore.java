package org.hth.hotline.core.store;

import java.util.Optional;

import org.hth.hotline.core.call.CallQuery;
import org.hth.hotline.core.call.CallRecord;

/** Call records. Thread-safe. */
public interface CallStore {

    /** Writes a record, replacing any earlier record with the same call id. */
    void save(CallRecord call);

    Optional<CallRecord> find(String callId);

    /**
     * The calls that match, newest first (by start, then by call id descending), one page at a time.
     * {@code query.after()} is the last call id of the previous page.
     */
    Page<CallRecord> query(CallQuery query);

    /** The records of one caller, newest first. */
    Page<CallRecord> byCaller(String pseudonym, int limit);
}
