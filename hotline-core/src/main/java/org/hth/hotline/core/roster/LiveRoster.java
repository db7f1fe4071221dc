package org.hth.hotline.core.roster;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.hth.hotline.core.live.LiveEvent;
import org.hth.hotline.core.live.LiveEvents;
import org.hth.hotline.core.store.RosterStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The roster in force and every operator's presence, held in memory so that routing a call reads no store: a
 * {@code presence.changed} live event (published by the console after it stored the change, and carried across
 * nodes by the live events) applies at once, and a refresh on a thread of its own re-reads both from the store
 * every {@code refresh} (a roster saved in the console is in force for calls within that time; anything an event
 * did not say is caught up). Of two news about one operator the more recent {@link Presence#since()} wins (at the
 * same instant, an event over what was known, the store over what was known before it was read). When
 * nothing was ever read, a call reads the store itself; when the store cannot be read, the last values read stay.
 *
 * <p>{@link #start()} and {@link #close()} are for one owner; {@link #roster()} and {@link #presence()} are
 * thread-safe and do not block (but on the very first read).
 */
public final class LiveRoster implements AutoCloseable {
    /** How often the store is read again by default. */
    public static final Duration DEFAULT_REFRESH = Duration.ofSeconds(1);
    static final String PRESENCE_CHANGED = "presence.changed";

    private static final Logger log = LoggerFactory.getLogger(LiveRoster.class);

    private final Supplier<Roster> roster;
    private final RosterStore store;
    private final LiveEvents live;
    private final Duration refresh;
    private final Object writing = new Object();
    private volatile Roster current;
    private volatile Presences presences;
    private volatile boolean failing;
    private ScheduledExecutorService refresher;
    private AutoCloseable subscription;

    /** Every operator's presence at one moment, and the same as states, for the planner. */
    private record Presences(Map<String, Presence> byOperator, Map<String, PresenceState> states) {
        static Presences of(Map<String, Presence> byOperator) {
            Map<String, PresenceState> states = new HashMap<>();
            byOperator.forEach((id, presence) -> states.put(id, presence.state()));
            return new Presences(Map.copyOf(byOperator), Map.copyOf(states));
        }
    }

    /**
     * @param roster  the roster in force as the store has it (a {@link StoredRoster}); throws when none is loaded
     * @param store   where presence is read
     * @param live    where {@code presence.changed} comes from
     * @param refresh how often both are read again
     */
    public LiveRoster(Supplier<Roster> roster, RosterStore store, LiveEvents live, Duration refresh) {
        if (refresh.isNegative() || refresh.isZero()) {
            throw new IllegalArgumentException("the roster refresh must be positive: " + refresh);
        }
        this.roster = roster;
        this.store = store;
        this.live = live;
        this.refresh = refresh;
    }

    /** Subscribes to presence events, reads both once, and refreshes them from now on. */
    public void start() {
        if (refresher != null) {
            throw new IllegalStateException("the live roster is already started");
        }
        subscription = live.subscribe(this::onEvent);
        refresher = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "roster-refresh");
            thread.setDaemon(true);
            return thread;
        });
        refreshNow();
        refresher.scheduleWithFixedDelay(this::refreshNow, refresh.toNanos(), refresh.toNanos(),
                TimeUnit.NANOSECONDS);
    }

    /**
     * The roster in force.
     *
     * @throws IllegalStateException when no roster was ever loaded (calls then go to the dialplan's fallback)
     */
    public Roster roster() {
        Roster known = current;
        if (known != null) {
            return known;
        }
        Roster read = roster.get();
        current = read;
        return read;
    }

    /** Every operator's presence state that is known; empty when it was never readable. */
    public Map<String, PresenceState> presence() {
        Presences known = presences;
        if (known != null) {
            return known.states();
        }
        try {
            return readPresence().states();
        } catch (RuntimeException e) {
            log.warn("presence not readable ({}); planning without it", e.getClass().getSimpleName());
            return Map.of();
        }
    }

    /** Reads the roster and the presence from the store now; runs on the refresh thread (and once at start). */
    void refreshNow() {
        boolean failed = false;
        try {
            current = roster.get();
        } catch (RuntimeException e) {
            failed = true;
            if (!failing) {
                log.warn("roster not readable ({}); the last one read stays in force", e.getClass().getSimpleName());
            }
        }
        try {
            readPresence();
        } catch (RuntimeException e) {
            failed = true;
            if (!failing) {
                log.warn("presence not readable ({}); the last one read stays in force", e.getClass().getSimpleName());
            }
        }
        if (failing && !failed) {
            log.info("roster and presence readable again");
        }
        failing = failed;
    }

    private Presences readPresence() {
        List<Presence> stored = store.allPresence();
        synchronized (writing) {
            Map<String, Presence> merged = new HashMap<>();
            Presences known = presences;
            for (Presence presence : stored) {
                merged.put(presence.operatorId(), presence);
            }
            if (known != null) {
                // news that came by event while the store was being read must not be undone by it
                known.byOperator().forEach((id, presence) -> merged.merge(id, presence,
                        (fromStore, told) -> told.since().isAfter(fromStore.since()) ? told : fromStore));
            }
            Presences fresh = Presences.of(merged);
            presences = fresh;
            return fresh;
        }
    }

    private void onEvent(LiveEvent event) {
        if (!PRESENCE_CHANGED.equals(event.type())) {
            return;
        }
        Optional<Presence> presence = presenceOf(event);
        if (presence.isEmpty()) {
            return;
        }
        synchronized (writing) {
            Presences known = presences;
            Map<String, Presence> merged = new HashMap<>(known == null ? Map.of() : known.byOperator());
            merged.merge(presence.get().operatorId(), presence.get(),
                    (before, told) -> told.since().isBefore(before.since()) ? before : told);
            presences = Presences.of(merged);
        }
    }

    private static Optional<Presence> presenceOf(LiveEvent event) {
        if (!(event.data().get("operatorId") instanceof String operatorId)
                || !(event.data().get("state") instanceof String state)) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Presence(operatorId, PresenceState.valueOf(state), event.at()));
        } catch (IllegalArgumentException e) {
            log.warn("presence event with an unknown state ignored");
            return Optional.empty();
        }
    }

    @Override
    public void close() {
        if (subscription != null) {
            try {
                subscription.close();
            } catch (Exception e) {
                log.warn("presence subscription not closed ({})", e.getClass().getSimpleName());
            }
            subscription = null;
        }
        if (refresher != null) {
            refresher.shutdownNow();
            refresher = null;
        }
    }
}
