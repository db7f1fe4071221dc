package org.hth.hotline.core.telephony;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * An AMI {@code Originate}: ring {@code channel} first; once it answers, run {@code application(data)} on it.
 * {@code data} may hold a phone number (a callback's {@code Dial}), so {@link #toString()} leaves it out.
 *
 * @param channel     the channel rung first, e.g. {@code PJSIP/op-anna}
 * @param application the dialplan application run once it answers, e.g. {@code Dial}
 * @param data        the application's arguments (never logged)
 * @param callerId    what the first channel sees, e.g. {@code "Numero Verde" <800290290>}
 * @param timeout     how long the first channel rings
 * @param variables   channel variables set on the new channel (no numbers)
 */
public record Originate(String channel, String application, String data, String callerId, Duration timeout,
                        Map<String, String> variables) {
    public Originate {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(application, "application");
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(callerId, "callerId");
        Objects.requireNonNull(timeout, "timeout");
        variables = Map.copyOf(variables);
    }

    @Override
    public String toString() {
        return "Originate[channel=" + channel + ", application=" + application + ", data=(hidden), timeout="
                + timeout + ", variables=" + variables.keySet() + "]";
    }
}
