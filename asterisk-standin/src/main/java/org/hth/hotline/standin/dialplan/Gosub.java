package org.hth.hotline.standin.dialplan;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.hth.hotline.standin.call.Applications;
import org.hth.hotline.standin.call.Events;
import org.hth.hotline.standin.call.SimCall;
import org.hth.hotline.standin.call.SimChannel;
import org.hth.hotline.standin.call.Subroutines;

/**
 * Asterisk's {@code Gosub([[context,]exten,]priority[(arg1,...)])} run to its {@code Return()} on a call's line,
 * for {@code Dial}'s {@code B()}: each argument becomes the frame-local {@code ARGn} (a {@code VarSet} of
 * {@code LOCAL(ARGn)}, as app_stack sends), each priority a {@code Newexten}; {@code Return(value)} sets
 * {@code GOSUB_RETVAL}; the line goes back where it was and the {@code ARGn} get their outer values again
 * (without events, as Asterisk frees a frame). Only applications that finish at once run here (Set, MSet, NoOp,
 * Verbose, Return); any other ends the subroutine. Thread-safe (the dialplan is immutable); runs on the call's loop.
 */
public final class Gosub implements Subroutines {
    private final Dialplan dialplan;

    public Gosub(Dialplan dialplan) {
        this.dialplan = Objects.requireNonNull(dialplan, "dialplan");
    }

    @Override
    public boolean run(SimCall call, String location) {
        SimChannel line = call.line();
        String target = location;
        List<String> arguments = List.of();
        int open = location.indexOf('(');
        if (open >= 0) {
            int close = location.lastIndexOf(')');
            arguments = List.of(location.substring(open + 1, close > open ? close : location.length()).split(",", -1));
            target = location.substring(0, open);
        }
        String[] parts = target.split(",", -1);
        String context = parts.length >= 3 ? parts[parts.length - 3].trim() : line.context();
        String exten = parts.length >= 2 ? parts[parts.length - 2].trim() : line.exten();
        Optional<List<Dialplan.Step>> steps = dialplan.extension(context, exten);
        int start = steps.map(s -> index(s, parts[parts.length - 1].trim())).orElse(-1);
        if (start < 0) {
            return false;
        }
        String savedContext = line.context();
        String savedExten = line.exten();
        int savedPriority = line.priority();
        List<Optional<String>> outer = new ArrayList<>();
        for (int i = 0; i < arguments.size(); i++) {
            String name = "ARG" + (i + 1);
            outer.add(line.variable(name));
            line.variable(name, arguments.get(i));
            call.emit(Events.varSet(line, "LOCAL(" + name + ")", arguments.get(i)));
        }
        runSteps(call, context, exten, steps.get(), start);
        for (int i = 0; i < arguments.size(); i++) {
            String name = "ARG" + (i + 1);
            outer.get(i).ifPresentOrElse(value -> line.variable(name, value), () -> line.removeVariable(name));
        }
        line.position(savedContext, savedExten, savedPriority);
        return true;
    }

    private static void runSteps(SimCall call, String context, String exten, List<Dialplan.Step> steps, int start) {
        SimChannel line = call.line();
        for (int i = start; i < steps.size() && !call.gone(); i++) {
            Dialplan.Step step = steps.get(i);
            line.position(context, exten, i + 1);
            String app = step.application();
            String data = Expressions.evaluate(call, step.data());
            line.application(app, data);
            call.emit(Events.newexten(line, app, data));
            switch (app.toLowerCase(Locale.ROOT)) {
                case "return" -> {
                    call.setVariable("GOSUB_RETVAL", data);
                    return;
                }
                case "set", "mset", "noop", "verbose" -> Applications.exec(call, app, data);
                default -> {
                    return;
                }
            }
        }
    }

    /** Index of a numbered priority or of a label; -1 when there is none. */
    private static int index(List<Dialplan.Step> steps, String priority) {
        if (priority.chars().allMatch(Character::isDigit) && !priority.isEmpty()) {
            int n = Integer.parseInt(priority);
            return n >= 1 && n <= steps.size() ? n - 1 : -1;
        }
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i).label().equals(priority)) {
                return i;
            }
        }
        return -1;
    }
}
