package org.hth.hotline.core.telephony.agi;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.hth.hotline.core.call.CallQuery;
import org.hth.hotline.core.call.CallRecord;
import org.hth.hotline.core.call.CallRollup;
import org.hth.hotline.core.store.CallStore;
import org.hth.hotline.core.store.Page;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pseudonyms of the callers who have a call record, held in memory so that the route script can play the menu
 * to a first-time caller without reading the store first (the read of a repeat caller's language is the slowest
 * step before the menu). It only ever answers "may have called" (then the script reads the store, as before) or
 * "has not called": a pseudonym it holds that the store no longer has (anonymised by retention) costs one read that
 * finds nothing, so it needs no hook in retention.
 *
 * <p>It is exact only when every call record is written through {@link #recording(CallStore)} of this process
 * once {@link #load} has begun, which holds for the embedded SQLite store (one process writes it); with a store
 * several nodes write (Redis) use {@link #unknown()}, which always says "may have called". Until {@link #load}
 * has read every record it also says "may have called". Thread-safe.
 */
public final class KnownCallers {
    private static final Logger log = LoggerFactory.getLogger(KnownCallers.class);
    private static final int PAGE = CallQuery.MAX_LIMIT;

    private final Set<String> pseudonyms = ConcurrentHashMap.newKeySet();
    private final boolean exact;
    private volatile boolean loaded;

    private KnownCallers(boolean exact) {
        this.exact = exact;
    }

    /** For a store this process alone writes: call {@link #load} once, and write records through {@link #recording}. */
    public static KnownCallers ofSoleWriter() {
        return new KnownCallers(true);
    }

    /** For a store other processes write too: every caller may have called. */
    public static KnownCallers unknown() {
        return new KnownCallers(false);
    }

    /** False only when the caller has surely no call record. */
    public boolean mayHaveCalled(String pseudonym) {
        return !exact || !loaded || pseudonyms.contains(pseudonym);
    }

    /**
     * Reads every record's pseudonym, newest first, a page at a time; blocking (run it off the start-up path). A
     * failure leaves it saying "may have called" for everyone.
     */
    public void load(CallStore calls) {
        if (!exact) {
            return;
        }
        try {
            Optional<String> after = Optional.empty();
            int records = 0;
            do {
                Page<CallRecord> page = calls.query(new CallQuery(Optional.empty(), Optional.empty(), Optional.empty(),
                        Optional.empty(), Optional.empty(), Optional.empty(), after, PAGE, Optional.empty()));
                page.items().forEach(this::saw);
                records += page.items().size();
                after = page.next();
            } while (after.isPresent());
            loaded = true;
            log.info("known callers read from {} call records", records);
        } catch (RuntimeException e) {
            log.warn("known callers not read ({}); every caller's history is read from the store",
                    e.getClass().getSimpleName());
        }
    }

    /** {@code calls}, noting the caller of every record written through it. */
    public CallStore recording(CallStore calls) {
        return new Recording(calls);
    }

    private void saw(CallRecord record) {
        record.callerPseudonym().ifPresent(pseudonyms::add);
    }

    /** Notes each record's caller before writing it (a failed write leaves a harmless extra pseudonym). */
    private final class Recording implements CallStore {
        private final CallStore calls;

        Recording(CallStore calls) {
            this.calls = calls;
        }

        @Override
        public void save(CallRecord call) {
            saw(call);
            calls.save(call);
        }

        @Override
        public void saveAll(List<CallRecord> records) {
            records.forEach(KnownCallers.this::saw);
            calls.saveAll(records);
        }

        @Override
        public Optional<CallRecord> find(String callId) {
            return calls.find(callId);
        }

        @Override
        public Page<CallRecord> query(CallQuery query) {
            return calls.query(query);
        }

        @Override
        public Page<CallRecord> byCaller(String pseudonym, int limit) {
            return calls.byCaller(pseudonym, limit);
        }

        @Override
        public CallRollup rollup(LocalDate fromDay, LocalDate toDay) {
            return calls.rollup(fromDay, toDay);
        }
    }
}
