package org.hth.hotline.ops.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How the bench's FastAGI client answers a command, as Asterisk would for a caller who presses 1 at once and
 * an operator who answers: {@code 200 result=…} lines, {@code DIALSTATUS} {@code ANSWER}, the channel's linkedid.
 * Pure.
 */
final class AgiReplies {
    private AgiReplies() {
    }

    /** Whether the command is {@code EXEC Dial …}. */
    static boolean isDial(String command) {
        List<String> words = words(command);
        return words.size() >= 2 && words.get(0).equalsIgnoreCase("EXEC") && words.get(1).equalsIgnoreCase("Dial");
    }

    /**
     * The command's verb as one names it in a breakdown: two words ({@code GET DATA}, {@code EXEC Dial}), or
     * one for a one-word command ({@code ANSWER}); unquoted.
     */
    static String verb(String command) {
        List<String> words = words(command);
        if (words.isEmpty()) {
            return "";
        }
        String first = words.get(0).toUpperCase(Locale.ROOT);
        if (words.size() == 1 || first.equals("ANSWER") || first.equals("HANGUP") || first.equals("NOOP")) {
            return first;
        }
        String second = words.get(1);
        return first + " " + (first.equals("EXEC") ? second : second.toUpperCase(Locale.ROOT));
    }

    /** The arguments of an {@code EXEC Dial} command, unquoted. */
    static String dialArguments(String command) {
        List<String> words = words(command);
        return words.size() >= 3 ? words.get(2) : "";
    }

    /** The reply to any command but {@code EXEC Dial}, whose reply the client sends when the call ends. */
    static String reply(String command, String linkedId) {
        List<String> words = words(command);
        if (words.isEmpty()) {
            return "510 Invalid or unknown command";
        }
        String verb = words.get(0).toUpperCase(Locale.ROOT);
        String second = words.size() > 1 ? words.get(1).toUpperCase(Locale.ROOT) : "";
        if (verb.equals("GET") && second.equals("DATA")) {
            return "200 result=1";
        }
        if (verb.equals("GET") && (second.equals("VARIABLE") || second.equals("FULL"))) {
            String name = words.get(words.size() - 1);
            if (name.equals("DIALSTATUS")) {
                return "200 result=1 (ANSWER)";
            }
            if (name.equalsIgnoreCase("CHANNEL(linkedid)")) {
                return "200 result=1 (" + linkedId + ")";
            }
            return "200 result=0";
        }
        if (verb.equals("SET") && second.equals("VARIABLE")) {
            return "200 result=1";
        }
        return "200 result=0";
    }

    /** Splits a command line into words; double-quoted words keep their spaces, {@code \"} and {@code \\}. */
    static List<String> words(String command) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean quoted = false;
        boolean inWord = false;
        for (int i = 0; i < command.length(); i++) {
            char c = command.charAt(i);
            if (quoted && c == '\\' && i + 1 < command.length()) {
                word.append(command.charAt(++i));
            } else if (c == '"') {
                quoted = !quoted;
                inWord = true;
            } else if (c == ' ' && !quoted) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }
}
