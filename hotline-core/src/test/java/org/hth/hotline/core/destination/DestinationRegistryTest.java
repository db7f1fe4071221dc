package org.hth.hotline.core.destination;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Instant;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.Optional;

import org.hth.hotline.core.live.InProcessLiveEvents;
import org.hth.hotline.core.live.LiveEvent;
import org.hth.hotline.core.store.DestinationStore;
import org.hth.hotline.core.store.sqlite.SqliteStore;
import org.hth.hotline.core.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DestinationRegistryTest {
    private static final Instant T0 = Instant.parse("2026-11-22T02:00:00Z");
    private static final URI NEW = URI.create("https://new.example/hook");

    private final MutableClock clock = new MutableClock(T0);
    private final InProcessLiveEvents live = new InProcessLiveEvents();
    private final List<LiveEvent> events = new CopyOnWriteArrayList<>();
    private SqliteStore sqlite;
    private DestinationStore store;

    @BeforeEach
    void openTheStore(@TempDir Path dir) {
        sqlite = SqliteStore.open(dir.resolve("hotline.db"), clock);
        live.subscribe(events::add);
        store = sqlite.destinations();
    }

    @AfterEach
    void closeTheStore() {
        sqlite.close();
    }

    @Test
    void aChangeAppliesAtOnceAndRecordsTheConfiguredValuesItReplaced() {
        DestinationRegistry registry = new DestinationRegistry(TestDestinations.sample(), store, live, clock);
        URI configured = registry.configured().find("uor").orElseThrow().url().orElseThrow();

        DestinationChange change = registry.change("uor", Optional.of(NEW), Optional.of(false), "coord");

        Destination uor = registry.current().find("uor").orElseThrow();
        assertThat(uor.url()).contains(NEW);
        assertThat(uor.enabled()).isFalse();
        assertThat(uor.secrets()).isEqualTo(registry.configured().find("uor").orElseThrow().secrets());
        assertThat(change.describe()).isEqualTo("url 127.0.0.1:9 → new.example; enabled true → false");
        assertThat(registry.overrideOf("uor")).hasValueSatisfying(o -> {
            assertThat(o.replacedUrl()).contains(configured);
            assertThat(o.changedBy()).isEqualTo("coord");
            assertThat(o.changedAt()).isEqualTo(T0);
        });
        assertThat(events).containsExactly(new LiveEvent(DestinationRegistry.CHANGED, T0,
                Map.of("destination", "uor", "enabled", false)));
        assertThat(registry.current().find("uds-asl1").orElseThrow()).isEqualTo(
                registry.configured().find("uds-asl1").orElseThrow());
    }

    @Test
    void aResetForgetsTheChangeSoTheConfiguredValuesApplyAgainOnEveryNode() {
        DestinationRegistry registry = new DestinationRegistry(TestDestinations.sample(), store, live, clock);
        DestinationRegistry other = new DestinationRegistry(TestDestinations.sample(), store, live, clock);
        registry.change("uor", Optional.of(NEW), Optional.of(false), "coord");
        other.refresh();
        events.clear();
        clock.set(T0.plusSeconds(60));

        DestinationChange reset = registry.reset("uor");

        Destination configured = registry.configured().find("uor").orElseThrow();
        assertThat(registry.current().find("uor")).contains(configured);
        assertThat(registry.overrideOf("uor")).isEmpty();
        assertThat(reset.describe()).isEqualTo("url new.example → 127.0.0.1:9; enabled false → true");
        assertThat(events).containsExactly(new LiveEvent(DestinationRegistry.CHANGED, T0.plusSeconds(60),
                Map.of("destination", "uor", "enabled", true)));
        other.refresh();
        assertThat(other.current().find("uor")).contains(configured);
    }

    @Test
    void resettingADestinationWithoutAChangeChangesAndPublishesNothing() {
        DestinationRegistry registry = new DestinationRegistry(TestDestinations.sample(), store, live, clock);

        assertThat(registry.reset("uor").describe()).isEqualTo("unchanged");

        assertThat(events).isEmpty();
    }

    @Test
    void anOmittedSettingKeepsItsCurrentValue() {
        DestinationRegistry registry = new DestinationRegistry(TestDestinations.sample(), store, live, clock);
        registry.change("uor", Optional.of(NEW), Optional.empty(), "coord");

        DestinationChange change = registry.change("uor", Optional.empty(), Optional.of(false), "coord");

        assertThat(change.after().url()).contains(NEW);
        assertThat(change.describe()).isEqualTo("enabled true → false");
    }

    @Test
    void savedChangesSurviveANewRegistryAndAreSeenByAnotherNodeOnRefresh() {
        DestinationRegistry one = new DestinationRegistry(TestDestinations.sample(), store, live, clock);
        DestinationRegistry other = new DestinationRegistry(TestDestinations.sample(), store, live, clock);
        one.change("uds-asl2", Optional.empty(), Optional.of(false), "coord");
        assertThat(other.current().find("uds-asl2").orElseThrow().enabled()).isTrue();

        other.refresh();

        assertThat(other.current().find("uds-asl2").orElseThrow().enabled()).isFalse();
    }

    @Test
    void aLaterEditOfTheFileForTheSameSettingWinsOverAnOlderChange() {
        new DestinationRegistry(TestDestinations.sample(), store, live, clock)
                .change("uor", Optional.of(NEW), Optional.of(false), "coord");
        Map<String, String> env = new java.util.HashMap<>(TestDestinations.environment());
        env.put("HOTLINE_DESTINATION_UOR_URL", "https://edited.example/hook");

        DestinationRegistry restarted = new DestinationRegistry(new DestinationsLoader(env).load(TestDestinations.SAMPLE),
                store, live, clock);
        restarted.refresh();

        Destination uor = restarted.current().find("uor").orElseThrow();
        assertThat(uor.url()).contains(URI.create("https://edited.example/hook"));
        assertThat(uor.enabled()).as("enabled was not edited in the file: the change still applies").isFalse();
        assertThat(restarted.overrideOf("uor")).isPresent();
    }

    @Test
    void aChangeTheFileOvertookEntirelyNoLongerApplies() {
        DestinationOverride stale = new DestinationOverride("uor", Optional.of(NEW), false,
                Optional.of(URI.create("https://old.example/")), false, "coord", T0);
        store.saveOverride(stale);
        DestinationRegistry registry = new DestinationRegistry(TestDestinations.sample(), store, live, clock);
        registry.refresh();

        assertThat(registry.overrideOf("uor")).isEmpty();
        assertThat(registry.current().find("uor")).isEqualTo(registry.configured().find("uor"));
    }
}
