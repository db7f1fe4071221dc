package org.hth.hotline.core.roster;

import java.util.Locale;
import java.util.Optional;

/** How an operator is reached: the console's web softphone, or a mobile phone through the trunk. */
public enum EndpointKind {
    /** The agent console's WebRTC softphone ({@code PJSIP/op-anna}). */
    CONSOLE,
    /** A mobile phone through the trunk ({@code PJSIP/+39…@trunk}); the operator must press 1 to accept. */
    MOBILE;

    /** The name used in the roster YAML: {@code console}, {@code mobile}. */
    public String yamlName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether a pick-up on this endpoint counts only after the operator pressed 1 (a voicemail is no answer). */
    public boolean mustAcceptByKeypress() {
        return this == MOBILE;
    }

    /** The kind named {@code console} or {@code mobile}, if it is one. */
    public static Optional<EndpointKind> fromYamlName(String name) {
        for (EndpointKind kind : values()) {
            if (kind.yamlName().equals(name)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}
