package org.hth.hotline.core.telephony.agi;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the {@code agi_*} environment one line at a time: {@code agi_name: value} lines up to the empty line
 * that ends it. A line of another shape is kept out (a client that is not Asterisk has an environment that is
 * not {@linkplain AgiEnvironment#isComplete() complete}); more than {@link #MAX_LINES} lines is a protocol error.
 * One per connection, on its event loop; not thread-safe.
 */
final class AgiEnvironmentReader {
    /** The most lines an environment may have (Asterisk 22 sends about 22, plus the script's arguments). */
    static final int MAX_LINES = 200;
    private static final String PREFIX = "agi_";
    private static final String SEPARATOR = ": ";

    private final Map<String, String> variables = new LinkedHashMap<>();
    private int lines;

    /**
     * Takes the next line.
     *
     * @return the environment once this line (the empty one) ends it; else empty
     * @throws AgiCommandException when the environment has more than {@link #MAX_LINES} lines
     */
    Optional<AgiEnvironment> accept(String line) {
        if (line.isEmpty()) {
            return Optional.of(new AgiEnvironment(variables));
        }
        if (++lines > MAX_LINES) {
            throw new AgiCommandException("AGI environment longer than " + MAX_LINES + " lines");
        }
        int separator = line.indexOf(SEPARATOR);
        if (line.startsWith(PREFIX) && separator > PREFIX.length()) {
            variables.put(line.substring(PREFIX.length(), separator), line.substring(separator + SEPARATOR.length()));
        } else if (line.startsWith(PREFIX) && line.endsWith(":")) {
            // an empty value, as agi_accountcode is sent when the trailing space was lost
            variables.put(line.substring(PREFIX.length(), line.length() - 1), "");
        }
        return Optional.empty();
    }
}
