package org.hth.hotline.core.roster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import org.hth.hotline.core.live.InProcessLiveEvents;
import org.hth.hotline.core.live.LiveEvent;
import org.hth.hotline.core.store.sqlite.SqliteStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The roster and presence in memory, on a real SQLite store; the refresh is driven by hand (a long interval). */
class LiveRosterTest {
    private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");

    @TempDir
    Path dir;

    private SqliteStore store;
    private final InProcessLiveEvents live = new InProcessLiveEvents();
    private LiveRoster roster;

    @BeforeEach
    void open() {
        store = SqliteStore.open(dir.resolve("hotline.db"), Clock.fixed(T0, ZoneOffset.UTC));
        roster = new LiveRoster(new StoredRoster(store.roster()), store.roster(), live, Duration.ofHours(1));
    }

    @AfterEach
    void close() {
        roster.close();
        store.close();
    }

    @Test
    void withoutAnyRosterEveryCallFailsAsBeforeAndTheFirstSavedOneIsTakenUp() throws IOException {
        roster.start();
        assertThatThrownBy(roster::roster).isInstanceOf(IllegalStateException.class);

        store.roster().save(Files.readString(Path.of("../config/roster.yaml")), "config", T0);

        assertThat(roster.roster().operators()).isNotEmpty();
    }

    @Test
    void aPresenceEventAppliesAtOnceAndARefreshDoesNotUndoItWithAnOlderStoredValue() {
        store.roster().setPresence(new Presence("op-anna", PresenceState.AVAILABLE, T0));
        roster.start();
        assertThat(roster.presence()).containsExactly(Map.entry("op-anna", PresenceState.AVAILABLE));

        live.publish(new LiveEvent("presence.changed", T0.plusSeconds(5),
                Map.of("operatorId", "op-anna", "state", "AWAY")));
        assertThat(roster.presence()).containsEntry("op-anna", PresenceState.AWAY);

        roster.refreshNow();
        assertThat(roster.presence()).containsEntry("op-anna", PresenceState.AWAY);
    }

    @Test
    void theRefreshTakesUpWhatNoEventSaidAndAnOlderEventIsIgnored() {
        roster.start();
        store.roster().setPresence(new Presence("op-luca", PresenceState.WRAP_UP, T0.plusSeconds(10)));
        assertThat(roster.presence()).doesNotContainKey("op-luca");

        roster.refreshNow();
        live.publish(new LiveEvent("presence.changed", T0, Map.of("operatorId", "op-luca", "state", "AVAILABLE")));
        live.publish(new LiveEvent("call.ringing", T0.plusSeconds(20), Map.of("operatorId", "op-luca")));

        assertThat(roster.presence()).containsExactly(Map.entry("op-luca", PresenceState.WRAP_UP));
    }
}
