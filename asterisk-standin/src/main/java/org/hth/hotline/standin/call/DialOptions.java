package org.hth.hotline.standin.call;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code Dial}'s options string parsed as Asterisk's {@code ast_app_parse_options64} does: one letter per
 * option, an option's argument in parentheses that may nest ({@code B(ctx^s^1(a^b))}). Immutable.
 */
record DialOptions(Map<Character, String> options) {
    DialOptions {
        options = Map.copyOf(options);
    }

    static DialOptions parse(String text) {
        Map<Character, String> options = new HashMap<>();
        int i = 0;
        while (i < text.length()) {
            char letter = text.charAt(i++);
            String argument = "";
            if (i < text.length() && text.charAt(i) == '(') {
                int depth = 1;
                int start = ++i;
                while (i < text.length() && depth > 0) {
                    char c = text.charAt(i++);
                    depth += c == '(' ? 1 : c == ')' ? -1 : 0;
                }
                argument = text.substring(start, depth == 0 ? i - 1 : i);
            }
            options.put(letter, argument);
        }
        return new DialOptions(options);
    }

    boolean has(char letter) {
        return options.containsKey(letter);
    }

    /** The option's argument, when the option is given with a non-empty one. */
    Optional<String> argument(char letter) {
        return Optional.ofNullable(options.get(letter)).filter(a -> !a.isEmpty());
    }
}
