package org.hth.hotline.standin.call;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The dialplan applications the stand-in can run on a call's line, for the dialplan and for FastAGI
 * {@code EXEC}: Dial, Answer, Playback, Background, MusicOnHold, VoiceMail, Read, Wait, NoOp, Verbose, Set, MSet.
 * Each completes with the application's return value (negative: hang up). Stateless; runs on the call's loop.
 */
public final class Applications {
    private static final Duration VOICEMAIL_LENGTH = Duration.ofSeconds(20);

    private Applications() {
    }

    /** Runs {@code app}; empty when the stand-in (like Asterisk) has no such application. */
    public static Optional<CompletableFuture<Integer>> exec(SimCall call, String app, String data) {
        call.records().application(app, data);
        CompletableFuture<Integer> done = switch (app.toLowerCase(Locale.ROOT)) {
            case "dial" -> new DialApp(call, data).run();
            case "answer" -> {
                call.answer();
                yield CompletableFuture.completedFuture(call.gone() ? -1 : 0);
            }
            case "noop", "verbose", "playback", "background", "progress", "ringing" ->
                    CompletableFuture.completedFuture(call.gone() ? -1 : 0);
            case "set" -> {
                int eq = data.indexOf('=');
                if (eq > 0) {
                    call.setVariable(data.substring(0, eq), data.substring(eq + 1));
                }
                yield CompletableFuture.completedFuture(0);
            }
            case "mset" -> {
                setMany(call, data);
                yield CompletableFuture.completedFuture(0);
            }
            case "wait" -> waitFor(call, seconds(data, 1));
            case "musiconhold" -> {
                call.emit(Events.call("MusicOnHoldStart", call.line(), "Class", "default"));
                CompletableFuture<Integer> f = waitFor(call, data.contains(",") ? seconds(data.split(",")[1], 0) : null);
                yield f.whenComplete((r, e) -> call.emit(Events.call("MusicOnHoldStop", call.line())));
            }
            case "voicemail" -> waitFor(call, VOICEMAIL_LENGTH);
            case "read" -> read(call, data);
            default -> null;
        };
        return Optional.ofNullable(done);
    }

    private static Duration seconds(String text, long fallback) {
        try {
            return Duration.ofMillis((long) (Double.parseDouble(text.trim()) * 1000));
        } catch (NumberFormatException e) {
            return Duration.ofSeconds(fallback);
        }
    }

    /**
     * {@code MSet(name1=value1,name2=value2,...)} as Asterisk's {@code pbx_builtin_setvar_multiple}: the pairs
     * split at commas, each at its first {@code =} (the value keeps any further one), set in order, each with its
     * own {@code VarSet}; a pair without {@code =} is skipped; always returns 0. Quotes and backslashes, which
     * Asterisk's argument parser would take out, are not handled: the hotline never sends them.
     */
    private static void setMany(SimCall call, String data) {
        for (String pair : data.split(",")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                call.setVariable(pair.substring(0, eq), pair.substring(eq + 1));
            }
        }
    }

    /** Waits {@code length} (forever when null) or until the caller hangs up (-1). */
    private static CompletableFuture<Integer> waitFor(SimCall call, Duration length) {
        CompletableFuture<Integer> f = new CompletableFuture<>();
        Runnable onHangup = () -> f.complete(-1);
        call.onHangup(onHangup);
        if (length != null) {
            call.schedule(length, () -> f.complete(0));
        }
        return f.whenComplete((r, e) -> call.removeHangupListener(onHangup));
    }

    /** {@code Read(var,prompts,maxdigits,options,attempts,timeout)}. */
    private static CompletableFuture<Integer> read(SimCall call, String data) {
        String[] a = data.split(",", -1);
        String variable = a[0];
        int max = a.length > 2 && !a[2].isBlank() ? Integer.parseInt(a[2].trim()) : 255;
        Duration timeout = a.length > 5 && !a[5].isBlank() ? seconds(a[5], 5) : Duration.ofSeconds(5);
        return call.readKeys(max, timeout).thenApply(k -> {
            if (k.hungUp()) {
                return -1;
            }
            call.setVariable(variable, k.digits());
            call.setVariable("READSTATUS", k.timedOut() && k.digits().isEmpty() ? "TIMEOUT" : "OK");
            return 0;
        });
    }
}
