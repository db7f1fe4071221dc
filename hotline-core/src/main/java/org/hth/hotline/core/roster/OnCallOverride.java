package org.hth.hotline.core.roster;

import java.time.LocalDateTime;
import java.util.Objects;
import java.util.Optional;

/**
 * An exception to the rotations: {@code operator} is primary from {@code from} (inclusive) to {@code to}
 * (exclusive), local date-times in the roster's zone; {@code replaces}, when given, is taken off call
 * for that period. (Named {@code OnCallOverride}, not {@code Override}, so that it does not shadow
 * {@code java.lang.Override} in this package.) Immutable, thread-safe.
 */
public record OnCallOverride(String operator, LocalDateTime from, LocalDateTime to, Optional<String> replaces) {
    public OnCallOverride {
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(replaces, "replaces");
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("override of " + operator + " ends before it starts");
        }
    }
}
