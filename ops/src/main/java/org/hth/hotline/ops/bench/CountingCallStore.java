package org.hth.hotline.ops.bench;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;

import org.hth.hotline.core.call.CallQuery;
import org.hth.hotline.core.call.CallRecord;
import org.hth.hotline.core.call.CallRollup;
import org.hth.hotline.core.store.CallStore;
import org.hth.hotline.core.store.Page;

/**
 * The tracker's call store in the {@code ami} scenario: counts the records written and keeps none, so that the
 * figure is the tracker's event processing and not a database's writes (those are {@code calllog}'s).
 * Thread-safe.
 */
final class CountingCallStore implements CallStore {
    private final AtomicReference<StreamCompletion> completion = new AtomicReference<>();

    void expect(StreamCompletion next) {
        completion.set(next);
    }

    @Override
    public void save(CallRecord call) {
        StreamCompletion current = completion.get();
        if (current != null) {
            current.callDone();
        }
    }

    @Override
    public void saveAll(List<CallRecord> calls) {
        calls.forEach(this::save);
    }

    @Override
    public Optional<CallRecord> find(String callId) {
        return Optional.empty();
    }

    @Override
    public Page<CallRecord> query(CallQuery query) {
        return new Page<>(List.of(), Optional.empty());
    }

    @Override
    public Page<CallRecord> byCaller(String pseudonym, int limit) {
        return new Page<>(List.of(), Optional.empty());
    }

    @Override
    public CallRollup rollup(LocalDate fromDay, LocalDate toDay) {
        return new CallRollup(new TreeMap<>(), new TreeMap<>(), new TreeMap<>(), new TreeMap<>(), new TreeMap<>(),
                new TreeMap<>(), new TreeMap<>(), new TreeMap<>());
    }
}
