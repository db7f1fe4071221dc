package org.hth.hotline.core.config.internal;

import java.util.Locale;

/**
 * Environment variable names of configuration keys: {@code HOTLINE_} + the key path with each camelCase segment
 * in UPPER_SNAKE, segments joined by {@code _} ({@code console.publicUrl} → {@code HOTLINE_CONSOLE_PUBLIC_URL}).
 */
public final class EnvNames {
    public static final String PREFIX = "HOTLINE_";

    private EnvNames() {
    }

    /** The variable that overrides {@code keyPath}. */
    public static String of(String keyPath) {
        StringBuilder name = new StringBuilder(PREFIX);
        for (String segment : keyPath.split("\\.")) {
            if (name.length() > PREFIX.length()) {
                name.append('_');
            }
            name.append(snake(segment));
        }
        return name.toString();
    }

    private static String snake(String camel) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < camel.length(); i++) {
            char c = camel.charAt(i);
            boolean wordStart = Character.isUpperCase(c) && i > 0
                    && (Character.isLowerCase(camel.charAt(i - 1))
                        || i + 1 < camel.length() && Character.isLowerCase(camel.charAt(i + 1)));
            if (wordStart) {
                out.append('_');
            }
            out.append(c);
        }
        return out.toString().toUpperCase(Locale.ROOT);
    }
}
