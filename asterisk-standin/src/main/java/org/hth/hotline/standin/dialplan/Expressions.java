package org.hth.hotline.standin.dialplan;

import org.hth.hotline.standin.call.SimCall;
import org.hth.hotline.standin.call.Substitution;

/**
 * {@code ${VAR}} substitution and the {@code $[...]} expressions the shipped dialplan uses: string
 * {@code =}/{@code !=}, numeric {@code <}, {@code >}, {@code +}, {@code -}. Pure.
 */
final class Expressions {
    private Expressions() {
    }

    static String evaluate(SimCall call, String text) {
        String s = text;
        int start;
        while ((start = s.indexOf("$[")) >= 0) {
            int end = Substitution.matching(s, start + 1, '[', ']');
            if (end < 0) {
                break;
            }
            String inner = Substitution.apply(call, s.substring(start + 2, end));
            s = s.substring(0, start) + compute(inner) + s.substring(end + 1);
        }
        return Substitution.apply(call, s);
    }

    static String compute(String expr) {
        for (String op : new String[] {"!=", "=", "<", ">", "+", "-"}) {
            int i = expr.indexOf(op);
            if (i > 0 || (i == 0 && !op.equals("-"))) {
                String a = unquote(expr.substring(0, i));
                String b = unquote(expr.substring(i + op.length()));
                return switch (op) {
                    case "!=" -> a.equals(b) ? "0" : "1";
                    case "=" -> a.equals(b) ? "1" : "0";
                    case "<" -> number(a) < number(b) ? "1" : "0";
                    case ">" -> number(a) > number(b) ? "1" : "0";
                    case "+" -> Long.toString(number(a) + number(b));
                    default -> Long.toString(number(a) - number(b));
                };
            }
        }
        return unquote(expr);
    }

    private static String unquote(String s) {
        String t = s.trim();
        return t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"") ? t.substring(1, t.length() - 1) : t;
    }

    private static long number(String s) {
        try {
            return Long.parseLong(s.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
