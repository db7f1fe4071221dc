package org.hth.hotline.core.destination;

import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.hth.hotline.core.live.LiveEvent;
import org.hth.hotline.core.live.LiveEvents;
import org.hth.hotline.core.store.DestinationStore;

/**
 * The destinations as they are delivered to now: the configured ones ({@code destinations.yaml} and the
 * environment) with the coordinators' saved changes ({@link DestinationOverride}) applied. The dispatcher reads
 * {@link #current()} at each delivery attempt. {@link #refresh()} re-reads the saved changes (other nodes make
 * them too); {@link #change} saves one and {@link #reset} forgets one, each publishing {@value #CHANGED} so that
 * every node refreshes at once. Thread-safe: readers see one consistent snapshot; {@link #refresh()},
 * {@link #change} and {@link #reset} block on the store, so call them from a worker thread.
 */
public final class DestinationRegistry {
    /** The live event published after a change: {@code {"destination": id, "enabled": …}}. */
    public static final String CHANGED = "destination.changed";
    private final Destinations configured;
    private final DestinationStore store;
    private final LiveEvents live;
    private final Clock clock;
    private final AtomicReference<Snapshot> snapshot;

    /** A registry with no saved change applied yet; call {@link #refresh()} to read them. */
    public DestinationRegistry(Destinations configured, DestinationStore store, LiveEvents live, Clock clock) {
        this.configured = Objects.requireNonNull(configured, "configured");
        this.store = Objects.requireNonNull(store, "store");
        this.live = Objects.requireNonNull(live, "live");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.snapshot = new AtomicReference<>(Snapshot.of(configured, List.of()));
    }

    /** The destinations to deliver to now. */
    public Destinations current() {
        return snapshot.get().effective();
    }

    /** The destinations as configured, before any coordinator's change. */
    public Destinations configured() {
        return configured;
    }

    /** The saved change that applies to a destination now, if any (a change the file overtook does not). */
    public Optional<DestinationOverride> overrideOf(String destinationId) {
        return Optional.ofNullable(snapshot.get().applied().get(destinationId));
    }

    /** Re-reads the saved changes from the store. Blocking. */
    public void refresh() {
        snapshot.set(Snapshot.of(configured, store.overrides()));
    }

    /**
     * Saves a coordinator's change to one destination and applies it at once.
     *
     * @param url     the new address, already checked with {@link DestinationUrl#parse}; empty keeps the current one
     * @param enabled the new state; empty keeps the current one
     * @throws java.util.NoSuchElementException when no destination has that id
     */
    public synchronized DestinationChange change(String destinationId, Optional<URI> url, Optional<Boolean> enabled,
                                                 String changedBy) {
        Destination base = configured.find(destinationId).orElseThrow();
        refresh();
        Destination before = current().find(destinationId).orElseThrow();
        DestinationOverride override = new DestinationOverride(destinationId, url.or(before::url),
                enabled.orElse(before.enabled()), base.url(), base.enabled(), changedBy, clock.instant());
        store.saveOverride(override);
        refresh();
        Destination after = current().find(destinationId).orElseThrow();
        live.publish(new LiveEvent(CHANGED, override.changedAt(), Map.of("destination", destinationId,
                "enabled", after.enabled())));
        return new DestinationChange(before, after);
    }

    /**
     * Forgets the coordinators' change to one destination, so that it is delivered to as configured again, and
     * publishes {@value #CHANGED}; a destination without a change is left as it is (and nothing is published).
     *
     * @throws java.util.NoSuchElementException when no destination has that id
     */
    public synchronized DestinationChange reset(String destinationId) {
        configured.find(destinationId).orElseThrow();
        refresh();
        Destination before = current().find(destinationId).orElseThrow();
        if (!store.removeOverride(destinationId)) {
            return new DestinationChange(before, before);
        }
        refresh();
        Destination after = current().find(destinationId).orElseThrow();
        live.publish(new LiveEvent(CHANGED, clock.instant(), Map.of("destination", destinationId,
                "enabled", after.enabled())));
        return new DestinationChange(before, after);
    }

    /** The effective destinations and the changes that apply, computed together so readers never mix two. */
    private record Snapshot(Destinations effective, Map<String, DestinationOverride> applied) {
        static Snapshot of(Destinations configured, List<DestinationOverride> overrides) {
            Map<String, DestinationOverride> byId = new LinkedHashMap<>();
            overrides.forEach(o -> byId.put(o.destinationId(), o));
            List<Destination> effective = new ArrayList<>();
            Map<String, DestinationOverride> applied = new LinkedHashMap<>();
            for (Destination d : configured.all()) {
                DestinationOverride o = byId.get(d.id());
                if (o != null && (o.urlAppliesTo(d) || o.enabledAppliesTo(d))) {
                    applied.put(d.id(), o);
                    effective.add(o.applyTo(d));
                } else {
                    effective.add(d);
                }
            }
            return new Snapshot(Destinations.of(configured.delivery(), effective), Map.copyOf(applied));
        }
    }
}
