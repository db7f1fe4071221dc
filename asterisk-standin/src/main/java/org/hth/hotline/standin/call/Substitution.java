package org.hth.hotline.standin.call;

/** Asterisk's {@code ${NAME}} substitution (nested, functions the stand-in knows), on a call's line. Pure. */
public final class Substitution {
    private Substitution() {
    }

    public static String apply(SimCall call, String text) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            if (text.startsWith("${", i)) {
                int end = matching(text, i + 1, '{', '}');
                if (end < 0) {
                    out.append(text.substring(i));
                    break;
                }
                String name = apply(call, text.substring(i + 2, end));
                out.append(call.variable(name).orElse(""));
                i = end + 1;
            } else {
                out.append(text.charAt(i++));
            }
        }
        return out.toString();
    }

    /** Index of the bracket closing the one at {@code open}, or -1. */
    public static int matching(String text, int open, char opening, char closing) {
        int depth = 0;
        for (int j = open; j < text.length(); j++) {
            char c = text.charAt(j);
            if (c == opening) {
                depth++;
            } else if (c == closing && --depth == 0) {
                return j;
            }
        }
        return -1;
    }
}
