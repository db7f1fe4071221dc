package org.hth.hotline.core.roster;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import org.hth.hotline.core.store.RosterStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The roster in force: the store's current version, parsed once per version. When the store cannot be read
 * the last roster read stays in force, so routing goes on. Thread-safe; called on every call's AGI worker.
 */
public final class StoredRoster implements Supplier<Roster> {
    private static final Logger log = LoggerFactory.getLogger(StoredRoster.class);

    private final RosterStore store;
    private final RosterParser parser = new RosterParser();
    private final AtomicReference<Parsed> cached = new AtomicReference<>();

    private record Parsed(long version, Roster roster) {
    }

    public StoredRoster(RosterStore store) {
        this.store = store;
    }

    /**
     * The roster in force.
     *
     * @throws IllegalStateException when no roster was ever loaded (calls then go to the dialplan's fallback)
     */
    @Override
    public Roster get() {
        return current().orElseThrow(() -> new IllegalStateException("no roster is loaded"));
    }

    /** The roster in force, if one was ever loaded. */
    public Optional<Roster> current() {
        Parsed known = cached.get();
        Optional<RosterVersion> stored;
        try {
            stored = store.current();
        } catch (RuntimeException e) {
            log.warn("roster: the store cannot be read ({}); keeping version {}", e.getClass().getSimpleName(),
                    known == null ? "none" : known.version());
            return Optional.ofNullable(known).map(Parsed::roster);
        }
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        if (known != null && known.version() == stored.get().version()) {
            return Optional.of(known.roster());
        }
        Parsed fresh = new Parsed(stored.get().version(), parser.parse(stored.get().document()));
        cached.set(fresh);
        return Optional.of(fresh.roster());
    }
}
