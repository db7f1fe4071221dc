package org.hth.hotline.core.roster;

import java.time.Instant;
import java.util.Objects;

/**
 * One saved version of the roster document (the YAML of {@code config/roster.yaml}, as loaded or as
 * edited in the console). Versions count up from 1.
 *
 * @param version  1, 2, 3 …
 * @param savedAt  when
 * @param savedBy  the user, or {@code config} when loaded from the file
 * @param document the roster YAML
 */
public record RosterVersion(long version, Instant savedAt, String savedBy, String document) {
    public RosterVersion {
        Objects.requireNonNull(savedAt, "savedAt");
        Objects.requireNonNull(savedBy, "savedBy");
        Objects.requireNonNull(document, "document");
    }
}
