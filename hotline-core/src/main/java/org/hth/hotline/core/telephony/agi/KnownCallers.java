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
 * finds nothing; {@link #load} again after each retention run lets it forget those too.
 *
 * <p>It is exact only when every call record is written through {@link #recording(CallStore)} of this process
 * once {@link #load} has begun, which holds for the embedded SQLite store (one process writes it); with a store
 * several nodes write (Redis) use {@link #unknown()}, which always says "may have called". Until a first
 * {@link #load} has read every record it also says "may have called". Thread-safe.
 */
public final class KnownCallers {
    private static final Logger log = LoggerFactory.getLogger(KnownCallers.class);
    private static final int PAGE = CallQuery.MAX_LIMIT;

    private final boolean exact;
    private volatile Set<String> pseudonyms = ConcurrentHashMap.newKeySet();
    /** The set a {@link #load} under way fills, which records written meanwhile go into too; null otherwise. */
    private volatile Set<String> reading;
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
     * Reads every record's pseudonym, newest first, a page at a time, and then answers from what it read (and
     * what was written meanwhile); blocking (run it off the start-up path). A failure leaves it as it was: before a
     * first full read, saying "may have called" for everyone. Loads run one after the other.
     */
    public synchronized void load(CallStore calls) {
        if (!exact) {
            return;
        }
        Set<String> fresh = ConcurrentHashMap.newKeySet();
        reading = fresh;
        try {
            Optional<String> after = Optional.empty();
            int records = 0;
            do {
                Page<CallRecord> page = calls.query(new CallQuery(Optional.empty(), Optional.empty(), Optional.empty(),
                        Optional.empty(), Optional.empty(), Optional.empty(), after, PAGE, Optional.empty()));
                page.items().forEach(record -> record.callerPseudonym().ifPresent(fresh::add));
                records += page.items().size();
                after = page.next();
            } while (after.isPresent());
            pseudonyms = fresh;
            loaded = true;
            log.info("known callers read from {} call records", records);
        } catch (RuntimeException e) {
            log.warn("known callers not read ({}); {}", e.getClass().getSimpleName(), loaded
                    ? "the ones read before are kept" : "every caller's history is read from the store");
        } finally {
            reading = null;
        }
    }

    /** {@code calls}, noting the caller of every record written through it. */
    public CallStore recording(CallStore calls) {
        return new Recording(calls);
    }

    /**
     * Notes a written record's caller: in the set answered from and in the one a load under way fills (a record
     * written before that load began is in the pages it reads, as this runs after the write).
     */
    private void saw(CallRecord record) {
        record.callerPseudonym().ifPresent(pseudonym -> {
            pseudonyms.add(pseudonym);
            Set<String> filling = reading;
            if (filling != null) {
                filling.add(pseudonym);
            }
        });
    }

    /** Notes each record's caller once it is written. */
    private final class Recording implements CallStore {
        private final CallStore calls;

        Recording(CallStore calls) {
            this.calls = calls;
        }

        @Override
        public void save(CallRecord call) {
            calls.save(call);
            saw(call);
        }

        @Override
        public void saveAll(List<CallRecord> records) {
            calls.saveAll(records);
            records.forEach(KnownCallers.this::saw);
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
