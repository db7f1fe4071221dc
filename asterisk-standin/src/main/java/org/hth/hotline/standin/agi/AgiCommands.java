package org.hth.hotline.standin.agi;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import org.hth.hotline.standin.call.Applications;
import org.hth.hotline.standin.call.SimCall;
import org.hth.hotline.standin.call.Substitution;

/**
 * Runs one AGI command on a call and builds Asterisk's reply, following {@code res_agi.c}: which commands
 * exist, which are allowed on a dead (hung-up) channel, their replies and usage texts. Stateless.
 */
final class AgiCommands {
    private static final String GET_DATA_USAGE = "Stream the given <replaceable>file</replaceable>, and receive DTMF data.\n"
            + "Returns the digits received from the channel at the other end.\n";
    private static final String SET_VARIABLE_USAGE = "Sets a variable to the current channel.\n";
    /** Commands whose {@code dead} flag is set in {@code res_agi.c}'s command table. */
    private static final Set<String> DEAD_ALLOWED = Set.of("asyncagi break", "database del", "database deltree",
            "database get", "database put", "exec", "get full variable", "get variable", "noop", "set variable",
            "verbose", "speech destroy", "speech unload grammar");
    private static final List<String> KNOWN = List.of("answer", "asyncagi break", "channel status", "control stream file",
            "database del", "database deltree", "database get", "database put", "exec", "get data",
            "get full variable", "get option", "get variable", "gosub", "hangup", "noop", "receive char",
            "receive text", "record file", "say alpha", "say date", "say datetime", "say digits", "say number",
            "say phonetic", "say time", "send image", "send text", "set autohangup", "set callerid", "set context",
            "set extension", "set music", "set priority", "set variable", "stream file", "tdd mode", "verbose",
            "wait for digit", "speech create", "speech set", "speech destroy", "speech load grammar",
            "speech unload grammar", "speech activate grammar", "speech deactivate grammar", "speech recognize");

    private final Predicate<String> soundExists;

    AgiCommands(Predicate<String> soundExists) {
        this.soundExists = soundExists;
    }

    /** The command's full name ({@code get data}) or "" when unknown. */
    static String find(List<String> args) {
        String best = "";
        int bestWords = 0;
        for (String name : KNOWN) {
            String[] words = name.split(" ");
            boolean match = words.length <= args.size() && words.length > bestWords;
            for (int i = 0; match && i < words.length; i++) {
                match = words[i].equalsIgnoreCase(args.get(i));
            }
            if (match) {
                best = name;
                bestWords = words.length;
            }
        }
        return best;
    }

    CompletableFuture<AgiReply> execute(SimCall call, List<String> args, boolean dead) {
        String name = find(args);
        if (name.isEmpty()) {
            return done(AgiReply.invalid());
        }
        if (dead && !DEAD_ALLOWED.contains(name)) {
            return done(AgiReply.dead());
        }
        int argc = args.size();
        return switch (name) {
            case "answer" -> {
                call.answer();
                yield done(AgiReply.success("200 result=0"));
            }
            case "channel status" -> done(AgiReply.success("200 result=" + (call.answered() ? 6 : 4)));
            case "noop" -> done(AgiReply.success("200 result=0"));
            case "verbose" -> done(AgiReply.success("200 result=1"));
            case "set variable" -> {
                if (argc != 4) {
                    yield done(AgiReply.usage(SET_VARIABLE_USAGE));
                }
                call.setVariable(args.get(2), args.get(3));
                yield done(AgiReply.success("200 result=1"));
            }
            case "get variable" -> argc != 3 ? done(AgiReply.usage(""))
                    : done(AgiReply.success(call.variable(args.get(2)).map(v -> "200 result=1 (" + v + ")")
                    .orElse("200 result=0")));
            case "get full variable" -> argc < 4 ? done(AgiReply.usage(""))
                    : done(AgiReply.success("200 result=1 (" + Substitution.apply(call, args.get(3)) + ")"));
            case "get data" -> argc < 3 ? done(AgiReply.usage(GET_DATA_USAGE)) : getData(call, args);
            case "wait for digit" -> argc != 4 ? done(AgiReply.usage("")) : waitForDigit(call, args.get(3));
            case "stream file", "get option" -> argc < 4 ? done(AgiReply.usage(""))
                    : done(soundExists.test(args.get(2)) ? AgiReply.success("200 result=0 endpos=16000")
                    : AgiReply.failed("200 result=-1 endpos=0"));
            case "exec" -> argc < 2 ? done(AgiReply.usage("")) : exec(call, args);
            case "hangup" -> {
                call.callerHangsUp();
                yield done(AgiReply.success("200 result=1"));
            }
            default -> done(AgiReply.success("200 result=0"));
        };
    }

    private static CompletableFuture<AgiReply> done(AgiReply reply) {
        return CompletableFuture.completedFuture(reply);
    }

    private static CompletableFuture<AgiReply> getData(SimCall call, List<String> args) {
        long timeout = args.size() > 3 ? parse(args.get(3), 6000) : 6000;
        int max = args.size() > 4 ? (int) parse(args.get(4), 1024) : 1024;
        return call.readKeys(max, Duration.ofMillis(timeout)).thenApply(k -> k.hungUp()
                ? AgiReply.success("200 result=-1")
                : AgiReply.success("200 result=" + k.digits() + (k.timedOut() ? " (timeout)" : "")));
    }

    private static CompletableFuture<AgiReply> waitForDigit(SimCall call, String timeout) {
        return call.readKeys(1, Duration.ofMillis(Math.max(0, parse(timeout, 0)))).thenApply(k -> k.hungUp()
                ? AgiReply.failed("200 result=-1")
                : AgiReply.success("200 result=" + (k.digits().isEmpty() ? 0 : (int) k.digits().charAt(0))));
    }

    private static CompletableFuture<AgiReply> exec(SimCall call, List<String> args) {
        String data = args.size() > 2 ? args.get(2) : "";
        return Applications.exec(call, args.get(1), data)
                .map(f -> f.thenApply(r -> r == 0 ? AgiReply.success("200 result=0")
                        : AgiReply.unknownResult("200 result=" + r)))
                .orElseGet(() -> done(AgiReply.unknownResult("200 result=-2")));
    }

    private static long parse(String text, long fallback) {
        try {
            return Long.parseLong(text.trim().toLowerCase(Locale.ROOT));
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
