package org.hth.hotline.core.telephony.agi;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.hth.hotline.core.call.CallRecord;
import org.hth.hotline.core.store.CallStore;
import org.hth.hotline.core.store.sqlite.SqliteStore;
import org.hth.hotline.core.testing.Fixtures;
import org.hth.hotline.core.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KnownCallersTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @TempDir
    Path dir;
    private SqliteStore store;

    @BeforeEach
    void open() {
        store = SqliteStore.open(dir.resolve("hotline.db"), new MutableClock(T0));
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void afterReadingEveryRecordOnlyTheCallersInTheStoreMayHaveCalled() {
        List<CallRecord> records = new ArrayList<>();
        for (int i = 0; i < 1_201; i++) { // more than two pages
            records.add(Fixtures.abandonedCall("c-" + i, T0.plus(Duration.ofMinutes(i)), "caller-" + i));
        }
        store.calls().saveAll(records);
        KnownCallers known = KnownCallers.ofSoleWriter();

        known.load(store.calls());

        assertThat(known.mayHaveCalled("caller-0")).as("the oldest, on the last page").isTrue();
        assertThat(known.mayHaveCalled("caller-1200")).isTrue();
        assertThat(known.mayHaveCalled("somebody-new")).isFalse();
    }

    @Test
    void aRecordWrittenThroughItMakesItsCallerKnownAndIsWritten() {
        KnownCallers known = KnownCallers.ofSoleWriter();
        known.load(store.calls());
        CallStore calls = known.recording(store.calls());

        calls.save(Fixtures.abandonedCall("c-1", T0, "caller-a"));
        calls.saveAll(List.of(Fixtures.abandonedCall("c-2", T0, "caller-b")));

        assertThat(known.mayHaveCalled("caller-a")).isTrue();
        assertThat(known.mayHaveCalled("caller-b")).isTrue();
        assertThat(known.mayHaveCalled("caller-c")).isFalse();
        assertThat(store.calls().find("c-1")).isPresent();
        assertThat(calls.byCaller("caller-b", 5).items()).extracting(CallRecord::callId).containsExactly("c-2");
    }

    @Test
    void readAgainAfterRetentionItForgetsTheAnonymisedCallers() {
        KnownCallers known = KnownCallers.ofSoleWriter();
        CallStore calls = known.recording(store.calls());
        calls.save(Fixtures.abandonedCall("old", T0, "caller-old"));
        calls.save(Fixtures.abandonedCall("new", T0.plus(Duration.ofDays(400)), "caller-new"));
        known.load(store.calls());
        assertThat(known.mayHaveCalled("caller-old")).isTrue();

        store.retention().anonymiseBefore(T0.plus(Duration.ofDays(30)));
        known.load(store.calls());

        assertThat(known.mayHaveCalled("caller-old")).isFalse();
        assertThat(known.mayHaveCalled("caller-new")).isTrue();
    }

    @Test
    void beforeOrWithoutAFullReadEveryCallerMayHaveCalled() {
        KnownCallers notRead = KnownCallers.ofSoleWriter();
        KnownCallers failed = KnownCallers.ofSoleWriter();
        KnownCallers shared = KnownCallers.unknown();
        store.close();

        failed.load(store.calls());
        shared.load(store.calls());

        assertThat(notRead.mayHaveCalled("somebody")).isTrue();
        assertThat(failed.mayHaveCalled("somebody")).as("the store could not be read").isTrue();
        assertThat(shared.mayHaveCalled("somebody")).isTrue();
    }
}
