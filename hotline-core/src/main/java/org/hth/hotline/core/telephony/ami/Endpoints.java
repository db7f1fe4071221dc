package org.hth.hotline.core.telephony.ami;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import org.hth.hotline.core.roster.Operator;
import org.hth.hotline.core.roster.Roster;

/**
 * Turns what Asterisk says about a dialled leg into the roster's words: the endpoint as the roster writes it
 * ({@code PJSIP/op-anna}, {@code Local/100@operators}) and the operator it belongs to. The roster is read anew
 * on each look-up, so an edited roster applies to the next call. Thread-safe if the supplier is.
 */
final class Endpoints {
    /** {@code -0000001b} and, for Local channels, {@code ;1}/{@code ;2} at the end of a channel name. */
    private static final Pattern CHANNEL_SUFFIX = Pattern.compile("-[0-9a-fA-F]{8}(;[12])?$");

    private final Supplier<Roster> roster;

    Endpoints(Supplier<Roster> roster) {
        this.roster = roster;
    }

    /**
     * The endpoint of a dialled leg: the technology of its channel and the dial string when Asterisk gave one
     * ({@code Local/100@operators-0000001b;1} + {@code 100@operators} → {@code Local/100@operators}), else the
     * channel name without its unique suffix.
     */
    static String endpoint(String destChannel, String dialString) {
        String channel = destChannel == null ? "" : destChannel;
        int slash = channel.indexOf('/');
        Optional<String> dial = SafeText.clean(dialString);
        if (slash > 0 && dial.isPresent()) {
            return channel.substring(0, slash) + "/" + dial.get();
        }
        return CHANNEL_SUFFIX.matcher(channel).replaceFirst("");
    }

    /** The targets of a {@code Dial} application's data: {@code PJSIP/a&PJSIP/b,20,m} → both endpoints. */
    static List<String> dialTargets(String appData) {
        List<String> targets = new ArrayList<>();
        if (appData == null) {
            return targets;
        }
        String data = appData.strip();
        if (data.startsWith("\"")) {
            data = data.substring(1);
        }
        int comma = data.indexOf(',');
        String first = (comma >= 0 ? data.substring(0, comma) : data).replace("\"", "");
        for (String target : first.split("&")) {
            SafeText.clean(target).ifPresent(targets::add);
        }
        return targets;
    }

    /** The roster id of the operator with that endpoint; empty when the roster has none. */
    String operatorOf(String endpoint) {
        Roster current;
        try {
            current = roster.get();
        } catch (IllegalStateException noRoster) {
            return "";
        }
        if (current == null) {
            return "";
        }
        String wanted = endpoint.toLowerCase(Locale.ROOT);
        for (Operator operator : current.operators()) {
            for (String candidate : operator.endpoints().values()) {
                if (candidate.toLowerCase(Locale.ROOT).equals(wanted)) {
                    return operator.id();
                }
            }
        }
        return "";
    }
}
