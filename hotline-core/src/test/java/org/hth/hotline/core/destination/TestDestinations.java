package org.hth.hotline.core.destination;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** The shipped {@code config/destinations.yaml} with made-up URLs and secrets in its environment. */
public final class TestDestinations {
    public static final Path SAMPLE = Path.of("../config/destinations.yaml");
    public static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    private TestDestinations() {
    }

    public static Map<String, String> environment() {
        Map<String, String> env = new HashMap<>();
        for (String id : DestinationsLoader.KNOWN_IDS) {
            env.put(Destination.environmentPrefix(id) + "_URL", "http://127.0.0.1:9/" + id);
            env.put(Destination.environmentPrefix(id) + "_SECRET", SECRET);
        }
        return env;
    }

    public static Destinations sample() {
        return new DestinationsLoader(environment()).load(SAMPLE);
    }
}
