package org.hth.hotline.standin.call;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The behaviour of each dialled endpoint, matched by dial string ({@code PJSIP/op-anna},
 * {@code Local/100@operators}); an endpoint not listed gets the default. Immutable; thread-safe.
 */
public record Endpoints(Map<String, EndpointBehaviour> byDialString, EndpointBehaviour fallback) {
    public Endpoints {
        byDialString = Map.copyOf(new LinkedHashMap<>(byDialString));
    }

    /** Every endpoint answers at once and stays. */
    public static Endpoints allAnswer() {
        return new Endpoints(Map.of(), new EndpointBehaviour.Answer(Duration.ZERO, Optional.empty()));
    }

    public Endpoints with(String dialString, EndpointBehaviour behaviour) {
        Map<String, EndpointBehaviour> m = new LinkedHashMap<>(byDialString);
        m.put(dialString, behaviour);
        return new Endpoints(m, fallback);
    }

    public EndpointBehaviour behaviourOf(String dialString) {
        return byDialString.getOrDefault(dialString, fallback);
    }
}
