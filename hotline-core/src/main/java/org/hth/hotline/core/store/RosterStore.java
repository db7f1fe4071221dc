package org.hth.hotline.core.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.hth.hotline.core.roster.Presence;
import org.hth.hotline.core.roster.RosterVersion;

/** The roster document (versioned) and operators' presence. Thread-safe. */
public interface RosterStore {

    /** Saves a new version of the roster and returns it (its number one more than the current one). */
    RosterVersion save(String document, String savedBy, Instant at);

    /** The newest version, if any was ever saved. */
    Optional<RosterVersion> current();

    /** Saved versions, newest first. */
    List<RosterVersion> history(int limit);

    void setPresence(Presence presence);

    Optional<Presence> presence(String operatorId);

    /** Every operator's last known presence. */
    List<Presence> allPresence();
}
