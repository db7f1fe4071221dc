package org.hth.hotline.standin.agi;

import java.util.List;

import org.hth.hotline.standin.call.SimCall;

/**
 * The {@code agi_*} environment Asterisk 22 sends first, in the recorded order, LF-terminated, empty values
 * keeping their space, then the arguments of {@code AGI(url,arg1,arg2,...)} as {@code agi_arg_1},
 * {@code agi_arg_2}, ... (as {@code res_agi.c}'s {@code setup_env} sends them, after {@code agi_threadid}),
 * ended by an empty line. Pure.
 */
public final class AgiEnvironment {
    private AgiEnvironment() {
    }

    /** The environment block for {@code call}'s line, for {@code agi://host:port/script}, without arguments. */
    public static String of(SimCall call, String host, int port, String script, long threadId) {
        return of(call, host, port, script, threadId, List.of());
    }

    /** The environment block for {@code call}'s line, for {@code AGI(agi://host:port/script,arguments...)}. */
    public static String of(SimCall call, String host, int port, String script, long threadId,
                            List<String> arguments) {
        var line = call.line();
        boolean withheld = call.caller().withheld();
        String name = call.caller().name();
        StringBuilder sb = new StringBuilder(600);
        add(sb, "network", "yes");
        add(sb, "network_script", script);
        add(sb, "request", "agi://" + host + ":" + port + "/" + script);
        add(sb, "channel", line.name());
        add(sb, "language", "en");
        add(sb, "type", line.type());
        add(sb, "uniqueid", line.uniqueid());
        add(sb, "version", "22.10.1");
        add(sb, "callerid", withheld ? "unknown" : call.caller().number());
        add(sb, "calleridname", name.isEmpty() ? "unknown" : name);
        add(sb, "callingpres", withheld ? "32" : "0");
        add(sb, "callingani2", "0");
        add(sb, "callington", "0");
        add(sb, "callingtns", "0");
        add(sb, "dnid", "unknown");
        add(sb, "rdnis", "unknown");
        add(sb, "context", line.context());
        add(sb, "extension", line.exten());
        add(sb, "priority", Integer.toString(line.priority()));
        add(sb, "enhanced", "0.0");
        add(sb, "accountcode", "");
        add(sb, "threadid", Long.toString(threadId));
        for (int i = 0; i < arguments.size(); i++) {
            add(sb, "arg_" + (i + 1), arguments.get(i));
        }
        return sb.append('\n').toString();
    }

    private static void add(StringBuilder sb, String key, String value) {
        sb.append("agi_").append(key).append(": ").append(value).append('\n');
    }
}
