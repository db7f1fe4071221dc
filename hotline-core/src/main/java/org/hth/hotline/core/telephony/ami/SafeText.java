package org.hth.hotline.core.telephony.ami;

import java.util.Optional;

/**
 * Cleans a value read from an AMI event before the tracker keeps it: control characters and the replacement
 * character left by undecodable bytes are dropped, and the value is clipped. Stateless, thread-safe.
 */
final class SafeText {
    /** The longest value the tracker keeps; longer ones are clipped and reported. */
    static final int MAX_LENGTH = 256;

    private SafeText() {
    }

    /** The cleaned value, empty when nothing usable is left. */
    static Optional<String> clean(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String value = raw.length() > MAX_LENGTH ? raw.substring(0, MAX_LENGTH) : raw;
        StringBuilder out = new StringBuilder(value.length());
        value.codePoints()
                .filter(cp -> !Character.isISOControl(cp) && cp != 0xFFFD && Character.getType(cp) != Character.FORMAT)
                .forEach(out::appendCodePoint);
        String cleaned = out.toString().strip();
        return cleaned.isEmpty() ? Optional.empty() : Optional.of(cleaned);
    }

    /** What was wrong with the raw value, for a log line that does not repeat the value; empty when nothing. */
    static Optional<String> problem(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        if (raw.length() > MAX_LENGTH) {
            return Optional.of("too long (" + raw.length() + " characters)");
        }
        if (raw.indexOf(0xFFFD) >= 0) {
            return Optional.of("not valid UTF-8");
        }
        if (raw.codePoints().anyMatch(Character::isISOControl)) {
            return Optional.of("contains control characters");
        }
        return Optional.empty();
    }

    /** Whether the value looks like a phone number (digits with at most a few separators). */
    static boolean looksLikeNumber(String value) {
        String digits = value.replaceAll("[\\s()+\\-./]", "");
        return digits.length() >= 5 && digits.chars().allMatch(Character::isDigit);
    }
}
