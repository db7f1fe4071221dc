package org.hth.hotline.core.config.internal;

import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One leaf value and where it came from.
 *
 * @param value  a scalar, array or null node; null node means "not set"
 * @param source e.g. {@code env HOTLINE_CONSOLE_PORT} or {@code config/hotline.yaml line 12}; empty for defaults
 */
public record Setting(JsonNode value, Optional<String> source) {
    /** True when the value is YAML null or missing. */
    public boolean isUnset() {
        return value == null || value.isNull() || value.isMissingNode();
    }

    /** The value as text for messages, quoted: {@code "70000"}. */
    public String quoted() {
        return isUnset() ? "(empty)" : '"' + (value.isValueNode() ? value.asText() : value.toString()) + '"';
    }
}
