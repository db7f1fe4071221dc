package org.hth.hotline.standin.dialplan;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;
import org.hth.hotline.standin.call.Applications;
import org.hth.hotline.standin.call.Events;
import org.hth.hotline.standin.call.SimCall;

/**
 * Runs a call's line through an extension of a {@link Dialplan}, one priority after the other, with a
 * {@code Newexten} event per priority; stops when the caller is gone, an application returns -1, or
 * {@code Hangup()} runs, and then ends the call. One instance per call; confined to the call's loop.
 */
public final class DialplanRunner {
    private static final Duration ANSWER_DELAY = Duration.ofMillis(500);
    private final SimCall call;
    private final List<Dialplan.Step> steps;
    private final BiFunction<SimCall, String, CompletableFuture<String>> agi;

    /** @param agi runs {@code AGI(url,arguments...)} (its data) and completes with AGISTATUS */
    public DialplanRunner(SimCall call, Dialplan dialplan, BiFunction<SimCall, String, CompletableFuture<String>> agi) {
        this.call = call;
        this.steps = dialplan.extension(call.line().context(), call.line().exten()).orElse(List.of());
        this.agi = Objects.requireNonNull(agi, "agi");
    }

    /** Starts at priority 1. */
    public void start() {
        run(0);
    }

    private void run(int index) {
        if (call.gone() || index >= steps.size()) {
            call.finish(false);
            return;
        }
        Dialplan.Step step = steps.get(index);
        call.line().position(call.line().context(), call.line().exten(), index + 1);
        String app = step.application();
        String data = app.equalsIgnoreCase("GotoIf") ? step.data() : Expressions.evaluate(call, step.data());
        call.line().application(app, data);
        if (app.equalsIgnoreCase("hangup")) {
            call.finish(true);
            return;
        }
        call.emit(Events.newexten(call.line(), app, data));
        switch (app.toLowerCase(java.util.Locale.ROOT)) {
            case "gotoif" -> run(gotoIf(step.data(), index));
            case "set" -> {
                set(data);
                run(index + 1);
            }
            case "answer" -> {
                boolean wasUp = call.answered();
                call.answer();
                if (wasUp) {
                    run(index + 1);
                } else {
                    call.schedule(ANSWER_DELAY, () -> run(index + 1));
                }
            }
            case "agi" -> agi.apply(call, data).whenComplete((status, e) -> {
                call.setVariable("AGISTATUS", status == null ? "FAILURE" : status);
                run(index + 1);
            });
            default -> Applications.exec(call, app, data).ifPresentOrElse(
                    f -> f.whenComplete((r, e) -> {
                        if (r == null || r < 0) {
                            call.finish(false);
                        } else {
                            run(index + 1);
                        }
                    }), () -> call.finish(false));
        }
    }

    private void set(String data) {
        int eq = data.indexOf('=');
        if (eq <= 0) {
            return;
        }
        String name = data.substring(0, eq);
        if (!name.contains("(")) {
            call.setVariable(name, data.substring(eq + 1));
        }
    }

    private int gotoIf(String data, int index) {
        int q = data.lastIndexOf('?');
        String condition = Expressions.evaluate(call, data.substring(0, q));
        String[] labels = data.substring(q + 1).split(":", -1);
        boolean yes = !condition.isEmpty() && !condition.equals("0");
        String target = yes ? labels[0] : labels.length > 1 ? labels[1] : "";
        if (target.isEmpty()) {
            return index + 1;
        }
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i).label().equals(target)) {
                return i;
            }
        }
        return steps.size();
    }
}
