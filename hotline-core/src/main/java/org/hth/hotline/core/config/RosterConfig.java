package org.hth.hotline.core.config;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where the on-call roster comes from ({@code roster:} in YAML).
 *
 * @param file the roster YAML loaded into the store at start-up when it exists; default
 *             {@code config/roster.yaml}. Later edits from the console live in the store.
 */
public record RosterConfig(Path file) {
    public RosterConfig {
        Objects.requireNonNull(file, "file");
    }
}
