package org.hth.hotline.core.telephony.ami;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.hth.hotline.core.call.CallQuery;
import org.hth.hotline.core.call.CallRecord;
import org.hth.hotline.core.call.CallRollup;
import org.hth.hotline.core.store.CallStore;
import org.hth.hotline.core.store.Page;

/** A call store in memory that also remembers every save. Thread-safe. */
final class InMemoryCallStore implements CallStore {
    final Map<String, CallRecord> calls = new ConcurrentHashMap<>();
    final List<CallRecord> saves = new CopyOnWriteArrayList<>();

    @Override
    public void save(CallRecord call) {
        saves.add(call);
        calls.put(call.callId(), call);
    }

    @Override
    public void saveAll(List<CallRecord> batch) {
        batch.forEach(this::save);
    }

    @Override
    public Optional<CallRecord> find(String callId) {
        return Optional.ofNullable(calls.get(callId));
    }

    @Override
    public Page<CallRecord> query(CallQuery query) {
        throw new UnsupportedOperationException("not needed by the tracker");
    }

    @Override
    public Page<CallRecord> byCaller(String pseudonym, int limit) {
        throw new UnsupportedOperationException("not needed by the tracker");
    }

    @Override
    public CallRollup rollup(LocalDate fromDay, LocalDate toDay) {
        throw new UnsupportedOperationException("not needed by the tracker");
    }
}
