package org.hth.hotline.core.telephony.agi;

import java.util.Map;

import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiRequest;
import org.asteriskjava.fastagi.AgiScript;
import org.asteriskjava.fastagi.MappingStrategy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves the one script {@code route}, and only to a complete environment (Asterisk always ends it with
 * {@code agi_threadid}; a client that stopped half-way, or sent something else, has none). For anything else
 * it answers {@code null}: Asterisk-Java then sets {@code AJ_AGISTATUS=NOT_FOUND} if it still can and closes
 * the connection, and the channel goes on in the dialplan. Logged without any caller data. Thread-safe; runs
 * on the AGI worker.
 */
final class RouteMappingStrategy implements MappingStrategy {
    private static final Logger log = LoggerFactory.getLogger(RouteMappingStrategy.class);

    private final AgiScript route;

    RouteMappingStrategy(AgiScript route) {
        this.route = route;
    }

    @Override
    public AgiScript determineScript(AgiRequest request, AgiChannel channel) {
        Map<String, String> environment = request.getRequest();
        if (environment == null || environment.get("threadid") == null || environment.get("channel") == null
                || environment.get("uniqueid") == null) {
            log.warn("FastAGI client sent no complete agi_* environment; connection closed");
            return null;
        }
        if (!RouteScript.NAME.equals(request.getScript())) {
            log.warn("FastAGI script '{}' is not served; the channel goes on in the dialplan", printable(request.getScript()));
            return null;
        }
        return route;
    }

    private static String printable(String script) {
        if (script == null) {
            return "";
        }
        String cut = script.length() > 40 ? script.substring(0, 40) : script;
        return cut.replaceAll("[^A-Za-z0-9_./-]", "?");
    }
}
