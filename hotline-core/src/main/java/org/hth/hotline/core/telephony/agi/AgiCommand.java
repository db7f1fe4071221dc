package org.hth.hotline.core.telephony.agi;

import java.util.StringJoiner;

/**
 * The AGI command lines the route script sends, written as Asterisk-Java 3.42 writes them (so that Asterisk's
 * parser, and the stand-in's, read the same arguments as before): names and values in double quotes, a backslash
 * and a double quote escaped with a backslash, an application's arguments joined with commas in one quoted
 * argument. A CR or LF in any of them would end the command early and is refused (Asterisk-Java dropped LFs
 * silently). Pure and thread-safe.
 */
final class AgiCommand {
    private AgiCommand() {
    }

    /** {@code EXEC "<application>" "<arg1>,<arg2>,..."}. */
    static String exec(String application, String... arguments) {
        return "EXEC " + quote(application) + " " + quote(String.join(",", arguments));
    }

    /** {@code GET DATA "<files>" <timeout ms> <max digits>}. */
    static String getData(String files, long timeoutMillis, int maxDigits) {
        return new StringJoiner(" ").add("GET DATA").add(quote(files)).add(Long.toString(timeoutMillis))
                .add(Integer.toString(maxDigits)).toString();
    }

    /** {@code SET VARIABLE "<name>" "<value>"}. */
    static String setVariable(String name, String value) {
        return "SET VARIABLE " + quote(name) + " " + quote(value);
    }

    /** {@code GET VARIABLE "<name>"}. */
    static String getVariable(String name) {
        return "GET VARIABLE " + quote(name);
    }

    /** One argument in double quotes, its backslashes and double quotes escaped. */
    static String quote(String argument) {
        if (argument.indexOf('\n') >= 0 || argument.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("an AGI argument cannot hold a line break");
        }
        return '"' + argument.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
