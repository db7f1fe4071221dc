package org.hth.hotline.core.store;

import java.util.List;

import org.hth.hotline.core.destination.DestinationOverride;

/** The coordinators' changes to destinations (address, enabled), at most one per destination. Thread-safe. */
public interface DestinationStore {

    /** Saves a destination's change, replacing the one it had. */
    void saveOverride(DestinationOverride override);

    /** Forgets a destination's saved change, so the configured values apply again; false when it had none. */
    boolean removeOverride(String destinationId);

    /** Every saved change, by destination id. */
    List<DestinationOverride> overrides();
}
