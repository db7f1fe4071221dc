package org.hth.hotline.ops.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Where the time to the first {@code Dial} went, command by command: for each position before the Dial and each
 * verb seen there, the server's time (see {@link AgiCall.Step}) at p50 and p99, and the mean number of commands
 * a call took up to its Dial. Printed with the progress, so that a run shows which step costs what. Pure.
 */
final class StepBreakdown {
    private final Map<String, List<Long>> byStep = new LinkedHashMap<>();
    private long commands;
    private int calls;

    /** Adds the steps of the calls that dialled. */
    static StepBreakdown of(List<List<AgiCall.Step>> calls) {
        StepBreakdown breakdown = new StepBreakdown();
        for (List<AgiCall.Step> steps : calls) {
            if (steps.isEmpty()) {
                continue;
            }
            breakdown.calls++;
            breakdown.commands += steps.size();
            for (int i = 0; i < steps.size(); i++) {
                AgiCall.Step step = steps.get(i);
                breakdown.byStep.computeIfAbsent((i + 1) + ". " + step.command(), key -> new ArrayList<>())
                        .add(step.serverNanos());
            }
        }
        return breakdown;
    }

    /** Commands per call up to and including the first Dial, on average; 0 when no call dialled. */
    double commandsPerCall() {
        return calls == 0 ? 0 : (double) commands / calls;
    }

    /** One line: {@code 1. GET VARIABLE 0.12/0.80 ms (400); 2. ...} (p50/p99 of the server's time, count). */
    String describe() {
        StringBuilder line = new StringBuilder();
        for (Map.Entry<String, List<Long>> step : byStep.entrySet()) {
            long[] nanos = step.getValue().stream().mapToLong(Long::longValue).toArray();
            Percentiles percentiles = Percentiles.ofNanosAsMillis(nanos);
            if (line.length() > 0) {
                line.append("; ");
            }
            line.append(String.format(Locale.ROOT, "%s %.2f/%.2f ms (%d)", step.getKey(), percentiles.at(50),
                    percentiles.at(99), nanos.length));
        }
        return line.toString();
    }
}
