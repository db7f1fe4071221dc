package org.hth.hotline.standin.agi;

import java.net.URI;
import java.util.Arrays;
import java.util.List;

/**
 * The data of the dialplan's {@code AGI(agi://host:port/script,arg1,arg2,...)} after substitution, split as
 * {@code res_agi.c} splits it: the URL, then the arguments that reach the script as {@code agi_arg_N}. Immutable.
 *
 * @param url       {@code agi://host[:port]/script}
 * @param arguments in order, possibly empty
 */
public record AgiApplicationData(String url, List<String> arguments) {
    public AgiApplicationData {
        arguments = List.copyOf(arguments);
    }

    /** Splits at commas: the first part is the URL, the others the arguments (empty ones kept, as Asterisk does). */
    public static AgiApplicationData parse(String data) {
        String[] parts = data.split(",", -1);
        return new AgiApplicationData(parts[0].trim(), Arrays.asList(parts).subList(1, parts.length));
    }

    /** The script: the URL's path without its leading slash, or "" when there is none. */
    public String script() {
        String path = URI.create(url).getPath();
        return path == null || path.length() < 2 ? "" : path.substring(1);
    }
}
