package org.hth.hotline.core.telephony.agi;

import java.util.Map;
import java.util.Optional;

/**
 * The {@code agi_*} variables Asterisk sends when it opens a FastAGI connection, by name without the
 * {@code agi_} prefix ({@code callerid}, {@code network_script}, {@code arg_1}...). Values as sent: may hold
 * caller data, never log them. Immutable.
 *
 * @param variables the variables in the order sent
 */
record AgiEnvironment(Map<String, String> variables) {
    AgiEnvironment {
        variables = Map.copyOf(variables);
    }

    /** A variable, empty when Asterisk did not send it. */
    Optional<String> get(String name) {
        return Optional.ofNullable(variables.get(name));
    }

    /** The script asked for: the path of {@code agi://host:port/<script>}, empty when absent. */
    String script() {
        return variables.getOrDefault("network_script", "");
    }

    /**
     * Whether Asterisk sent all of it: Asterisk always ends the environment with {@code agi_threadid} and always
     * names the channel; a client that stopped half-way, or is not Asterisk, has none of them.
     */
    boolean isComplete() {
        return variables.containsKey("threadid") && variables.containsKey("channel")
                && variables.containsKey("uniqueid");
    }

    @Override
    public String toString() {
        return "AgiEnvironment[" + variables.size() + " variables]";
    }
}
