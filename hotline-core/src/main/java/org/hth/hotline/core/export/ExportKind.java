package org.hth.hotline.core.export;

import java.util.Locale;
import java.util.Optional;

/** What is exported: the call log, the tickets, or the anonymised SIRIT dataset. */
public enum ExportKind {
    CALLS,
    TICKETS,
    SIRIT;

    /** The kind named {@code calls}, {@code tickets} or {@code sirit}. */
    public static Optional<ExportKind> named(String name) {
        for (ExportKind kind : values()) {
            if (kind.name().toLowerCase(Locale.ROOT).equals(name)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }

    public String fileName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
