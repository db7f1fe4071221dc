package org.hth.hotline.core.export;

import java.time.ZoneId;
import java.util.Map;

/**
 * How statistics and exports count: the zone of days and months, and the smallest count the SIRIT dataset
 * publishes. Read from {@code HOTLINE_EXPORT_SIRIT_THRESHOLD} (default {@value #DEFAULT_THRESHOLD}); a bad value
 * stops start-up naming the variable. Immutable.
 *
 * @param zone           days and months are local to it (the line's zone, Europe/Rome)
 * @param siritThreshold counts below it are suppressed
 */
public record ExportConfig(ZoneId zone, int siritThreshold) {
    public static final int DEFAULT_THRESHOLD = 5;
    public static final String THRESHOLD_VARIABLE = "HOTLINE_EXPORT_SIRIT_THRESHOLD";

    public ExportConfig {
        if (siritThreshold < 1 || siritThreshold > 1000) {
            throw new IllegalArgumentException(THRESHOLD_VARIABLE + ": expected a whole number 1-1000, was "
                    + siritThreshold);
        }
    }

    public static ExportConfig fromEnv(Map<String, String> env) {
        String raw = env.getOrDefault(THRESHOLD_VARIABLE, Integer.toString(DEFAULT_THRESHOLD)).strip();
        if (!raw.matches("\\d{1,4}")) {
            throw new IllegalArgumentException(THRESHOLD_VARIABLE + ": expected a whole number 1-1000");
        }
        return new ExportConfig(ZoneId.of("Europe/Rome"), Integer.parseInt(raw));
    }
}
