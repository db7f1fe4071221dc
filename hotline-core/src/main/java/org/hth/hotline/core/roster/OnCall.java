package org.hth.hotline.core.roster;

import java.util.Objects;
import java.util.Optional;

/**
 * Who is on call at one instant, by operator id: nobody, a primary only (a one-member rotation), or a
 * primary and a secondary. Immutable, thread-safe.
 */
public record OnCall(Optional<String> primary, Optional<String> secondary) {
    public OnCall {
        Objects.requireNonNull(primary, "primary");
        Objects.requireNonNull(secondary, "secondary");
        if (primary.isEmpty() && secondary.isPresent()) {
            throw new IllegalArgumentException("a secondary without a primary");
        }
    }

    public static OnCall nobody() {
        return new OnCall(Optional.empty(), Optional.empty());
    }

    public boolean covered() {
        return primary.isPresent();
    }
}
