package org.hth.hotline.core.telephony.agi;

import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What the {@code route} script needs to know besides the roster. Immutable, thread-safe.
 *
 * @param menu              the language menu
 * @param whisperPrefix     the operator's announcement is {@code <whisperPrefix><language>}
 *                          ({@code hotline/whisper-en}: "Numero Verde, language English")
 * @param acceptContext     the dialplan context run on a mobile operator's leg before the caller is put
 *                          through ({@code hotline-accept} in the shipped {@code extensions.conf})
 * @param callbackRetention how long a missed caller's sealed number can be opened for the callback
 */
public record RouteConfig(LanguageMenu menu, String whisperPrefix, String acceptContext, Duration callbackRetention) {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_/-]{1,80}");

    public RouteConfig {
        Objects.requireNonNull(menu, "menu");
        Objects.requireNonNull(callbackRetention, "callbackRetention");
        if (whisperPrefix == null || !NAME.matcher(whisperPrefix).matches()) {
            throw new IllegalArgumentException("whisperPrefix must be a sound file name prefix: " + whisperPrefix);
        }
        if (acceptContext == null || !NAME.matcher(acceptContext).matches() || acceptContext.contains("/")) {
            throw new IllegalArgumentException("acceptContext must be a dialplan context name: " + acceptContext);
        }
        if (callbackRetention.isNegative() || callbackRetention.isZero() || callbackRetention.toDays() > 30) {
            throw new IllegalArgumentException("callbackRetention must be between 1 s and 30 days");
        }
    }

    /** The standard menu, {@code hotline/whisper-}, {@code hotline-accept}, callback numbers kept 72 hours. */
    public static RouteConfig defaults() {
        return new RouteConfig(LanguageMenu.standard(), "hotline/whisper-", "hotline-accept", Duration.ofHours(72));
    }
}
