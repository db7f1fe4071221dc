package org.hth.hotline.core.config;

import java.util.Objects;

/**
 * Log output ({@code logging:} in YAML).
 *
 * @param format text (default) or JSON lines
 */
public record LoggingConfig(LogFormat format) {
    public LoggingConfig {
        Objects.requireNonNull(format, "format");
    }
}
