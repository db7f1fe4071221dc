package org.hth.hotline.standin.agi;

import java.util.ArrayList;
import java.util.List;

/** Splits an AGI command line into words exactly as {@code res_agi}'s {@code parse_args} does. Pure. */
final class AgiArguments {
    private AgiArguments() {
    }

    static List<String> parse(String line) {
        List<String> args = new ArrayList<>();
        StringBuilder cur = null;
        boolean quoted = false;
        boolean escaped = false;
        for (char ch : line.toCharArray()) {
            if (ch == '"' && !escaped) {
                quoted = !quoted;
                if (quoted && cur == null) {
                    cur = new StringBuilder();
                    args.add(null);
                }
                continue;
            }
            if ((ch == ' ' || ch == '\t') && !quoted && !escaped) {
                if (cur != null) {
                    args.set(args.size() - 1, cur.toString());
                    cur = null;
                }
                continue;
            }
            if (ch == '\\' && !escaped) {
                escaped = true;
                continue;
            }
            if (cur == null) {
                cur = new StringBuilder();
                args.add(null);
            }
            cur.append(ch);
            escaped = false;
        }
        if (cur != null) {
            args.set(args.size() - 1, cur.toString());
        }
        return args;
    }
}
