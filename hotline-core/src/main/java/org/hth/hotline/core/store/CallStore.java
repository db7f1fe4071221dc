package org.hth.hotline.core.store;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.hth.hotline.core.call.CallQuery;
import org.hth.hotline.core.call.CallRecord;
import org.hth.hotline.core.call.CallRollup;

/** Call records. Thread-safe. */
public interface CallStore {

    /** Writes a record, replacing any earlier record with the same call id. */
    void save(CallRecord call);

    /**
     * Writes many records at once, each replacing any earlier record with its call id, as {@link #save} would
     * one after the other (when an id occurs twice in the batch, the later record is the one kept). A bulk
     * path for imports and load tests: one transaction or one round trip per batch or chunk instead of one
     * per record. What a failure leaves depends on the adapter:
     * <ul>
     * <li>SQLite: the whole batch is one {@code BEGIN IMMEDIATE} transaction; it is written entirely or not
     * at all.</li>
     * <li>Redis: the batch is written in chunks, each one {@code MULTI}/{@code EXEC} (no reader ever sees
     * half a chunk, and a chunk whose connection fails before {@code EXEC} writes nothing); a failure
     * between chunks leaves the earlier chunks written. Redis does not roll back a command that fails
     * inside {@code EXEC}, so not even a chunk is all-or-nothing against such errors.</li>
     * </ul>
     * Callers that need all-or-nothing on any adapter keep to {@link #save} or retry the whole batch (the
     * writes are idempotent).
     */
    void saveAll(List<CallRecord> calls);

    Optional<CallRecord> find(String callId);

    /**
     * The calls that match, newest first (by start, then by call id descending), one page at a time.
     * {@code query.after()} is the last call id of the previous page.
     */
    Page<CallRecord> query(CallQuery query);

    /** The records of one caller, newest first. */
    Page<CallRecord> byCaller(String pseudonym, int limit);

    /**
     * The statistics' counters of the calls that started on the UTC days {@code [fromDay, toDay)}, read without
     * reading the records: {@link #save} and {@link #saveAll} keep them up to date in the same transaction as the
     * records (a replaced record's old contribution taken back), and retention leaves them as they are (it
     * changes nothing they count). Empty when {@code toDay} is not after {@code fromDay}.
     */
    CallRollup rollup(LocalDate fromDay, LocalDate toDay);
}
