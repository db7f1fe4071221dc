package org.hth.hotline.core.config.internal;

import java.util.Collection;
import java.util.Comparator;
import java.util.Locale;

/** Finds the known key closest to a mistyped one (edit distance, ignoring case). Stateless. */
public final class KeySuggester {
    private KeySuggester() {
    }

    /** {@code " (did you mean console.port?)"}, or an empty string when nothing is close enough. */
    public static String didYouMean(String unknown, Collection<String> known) {
        String wanted = unknown.toLowerCase(Locale.ROOT);
        return known.stream()
                .min(Comparator.comparingInt((String k) -> distance(wanted, k.toLowerCase(Locale.ROOT))))
                .filter(best -> distance(wanted, best.toLowerCase(Locale.ROOT)) <= Math.max(2, wanted.length() / 3))
                .map(best -> " (did you mean " + best + "?)")
                .orElse("");
    }

    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
