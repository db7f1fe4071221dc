package org.hth.hotline.core.privacy;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Turns a caller ID as Asterisk presents it into an E.164 number ({@code +393331234567}), or nothing when
 * the number is withheld or unusable.
 *
 * <p>Rules: separators (space, dash, dot, parentheses) are dropped; {@code +CC…} and {@code 00CC…} are
 * international; Italian national forms are a mobile ({@code 3…}, 9–10 digits) or a geographic number
 * ({@code 0…}, 6–11 digits), and {@code 39…} without a prefix when what follows is such a number. Withheld
 * markers ({@code anonymous}, {@code unknown}, {@code restricted}, {@code private}, {@code withheld},
 * {@code unavailable}, {@code <unknown>}), empty values, any other character (letters, markup, control
 * characters) and lengths outside E.164's 8–15 digits give {@link Optional#empty()}. Stateless, thread-safe.
 */
public final class PhoneNumbers {
    private static final Set<String> WITHHELD = Set.of("anonymous", "unknown", "<unknown>", "restricted",
            "private", "withheld", "unavailable", "asterisk");
    private static final int MAX_INPUT = 64;

    private PhoneNumbers() {
    }

    /** The caller ID as E.164, or empty when withheld or not a usable number. */
    public static Optional<String> normalise(String callerId) {
        if (callerId == null || callerId.length() > MAX_INPUT) {
            return Optional.empty();
        }
        String trimmed = trimSpaces(callerId);
        if (trimmed.isEmpty() || WITHHELD.contains(trimmed.toLowerCase(Locale.ROOT))) {
            return Optional.empty();
        }
        StringBuilder digits = new StringBuilder();
        boolean plus = false;
        for (int i = 0; i < trimmed.length(); i++) {
            char c = trimmed.charAt(i);
            if (c >= '0' && c <= '9') {
                digits.append(c);
            } else if (c == '+' && i == 0) {
                plus = true;
            } else if (c != ' ' && c != '-' && c != '.' && c != '(' && c != ')') {
                return Optional.empty();
            }
        }
        String d = digits.toString();
        if (plus) {
            return international(d);
        }
        if (d.startsWith("00")) {
            return international(d.substring(2));
        }
        if (italianNational(d)) {
            return Optional.of("+39" + d);
        }
        if (d.startsWith("39") && italianNational(d.substring(2))) {
            return Optional.of("+" + d);
        }
        return Optional.empty();
    }

    private static Optional<String> international(String digits) {
        if (digits.isEmpty() || digits.charAt(0) == '0' || digits.length() < 8 || digits.length() > 15) {
            return Optional.empty();
        }
        if (digits.startsWith("39") && !italianNational(digits.substring(2))) {
            return Optional.empty();
        }
        return Optional.of("+" + digits);
    }

    /** Only plain spaces are trimmed: a control character anywhere makes the caller ID unusable. */
    private static String trimSpaces(String value) {
        int start = 0;
        int end = value.length();
        while (start < end && value.charAt(start) == ' ') {
            start++;
        }
        while (end > start && value.charAt(end - 1) == ' ') {
            end--;
        }
        return value.substring(start, end);
    }

    private static boolean italianNational(String digits) {
        int length = digits.length();
        if (digits.startsWith("3")) {
            return length >= 9 && length <= 10;
        }
        if (digits.startsWith("0")) {
            return length >= 6 && length <= 11 && !digits.startsWith("00");
        }
        return false;
    }
}
