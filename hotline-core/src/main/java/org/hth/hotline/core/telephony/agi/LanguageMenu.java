package org.hth.hotline.core.telephony.agi;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The language menu the caller hears: one prompt per language, one digit each, how long to wait for the
 * digit, and the language taken when no valid digit comes. Immutable, thread-safe.
 *
 * @param entries         in the order the prompts are played
 * @param timeout         how long {@code GET DATA} waits for the digit
 * @param defaultLanguage the code taken on a timeout or an unknown digit; one of the entries
 */
public record LanguageMenu(List<Entry> entries, Duration timeout, String defaultLanguage) {
    private static final Pattern CODE = Pattern.compile("[a-z]{2,3}");
    private static final Pattern PROMPT = Pattern.compile("[A-Za-z0-9_/-]{1,100}");

    /**
     * One choice.
     *
     * @param digit  the key, {@code 0}–{@code 9}
     * @param code   ISO 639 code (two letters, or three such as {@code pcm} for Nigerian Pidgin)
     * @param prompt the sound file played for it, by name without extension ({@code hotline/menu-en})
     */
    public record Entry(String digit, String code, String prompt) {
        public Entry {
            if (digit == null || !digit.matches("[0-9]")) {
                throw new IllegalArgumentException("menu digit must be one of 0-9: " + digit);
            }
            if (code == null || !CODE.matcher(code).matches()) {
                throw new IllegalArgumentException("menu language code must be 2-3 lower-case letters: " + code);
            }
            if (prompt == null || !PROMPT.matcher(prompt).matches()) {
                throw new IllegalArgumentException("menu prompt must be a sound file name: " + prompt);
            }
        }
    }

    public LanguageMenu {
        entries = List.copyOf(entries);
        Objects.requireNonNull(timeout, "timeout");
        if (entries.isEmpty()) {
            throw new IllegalArgumentException("the language menu needs at least one language");
        }
        Set<String> digits = new HashSet<>();
        for (Entry entry : entries) {
            if (!digits.add(entry.digit())) {
                throw new IllegalArgumentException("menu digit used twice: " + entry.digit());
            }
        }
        if (timeout.isNegative() || timeout.isZero() || timeout.toSeconds() > 60) {
            throw new IllegalArgumentException("menu timeout must be between 1 ms and 60 s: " + timeout);
        }
        String fallback = defaultLanguage;
        if (entries.stream().noneMatch(entry -> entry.code().equals(fallback))) {
            throw new IllegalArgumentException("default language is not in the menu: " + defaultLanguage);
        }
    }

    /** The nine languages of the Liguria line, Italian first, prompts {@code hotline/menu-<code>}, 5 s. */
    public static LanguageMenu standard() {
        String[] codes = {"it", "en", "fr", "es", "ro", "sq", "ar", "zh", "pcm"};
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < codes.length; i++) {
            entries.add(new Entry(String.valueOf(i + 1), codes[i], "hotline/menu-" + codes[i]));
        }
        return new LanguageMenu(entries, Duration.ofSeconds(5), "it");
    }

    /** The prompts joined with {@code &}, as {@code GET DATA} plays several files. */
    public String prompts() {
        return entries.stream().map(Entry::prompt).collect(Collectors.joining("&"));
    }

    /** The language for what {@code GET DATA} returned: the digit's language, or the default. */
    public String choose(String digits) {
        if (digits == null) {
            return defaultLanguage;
        }
        return entries.stream().filter(entry -> entry.digit().equals(digits.strip())).map(Entry::code).findFirst()
                .orElse(defaultLanguage);
    }

    /** The code itself when the menu offers it (a repeat caller's language is checked with this). */
    public Optional<String> offered(String code) {
        return entries.stream().map(Entry::code).filter(c -> c.equals(code)).findFirst();
    }
}
