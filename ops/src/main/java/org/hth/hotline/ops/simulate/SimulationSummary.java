package org.hth.hotline.ops.simulate;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.hth.hotline.standin.scenario.CallResult;

/**
 * What a simulation did, counted from every call's result: calls placed, {@code AGISTATUS}, the
 * {@code HOTLINE_OUTCOME} the route script (or the dialplan) set, who answered ({@code HOTLINE_ANSWERED_BY}),
 * and the time from arrival to the first {@code Dial} (simulated seconds, p50 and p99). It holds no caller number:
 * the results' caller IDs are never read. Immutable; thread-safe.
 *
 * @param calls        calls placed
 * @param agiStatus    calls by {@code AGISTATUS} ({@code none} when the dialplan never reached AGI)
 * @param outcomes     calls by {@code HOTLINE_OUTCOME} ({@code none} when it was never set)
 * @param answeredBy   answered calls by operator id
 * @param firstDialP50 median time to the first Dial, if any call dialled
 * @param firstDialP99 99th percentile of it
 */
public record SimulationSummary(int calls, Map<String, Integer> agiStatus, Map<String, Integer> outcomes,
                                Map<String, Integer> answeredBy, Optional<Duration> firstDialP50,
                                Optional<Duration> firstDialP99) {
    static final String NONE = "none";

    public SimulationSummary {
        agiStatus = Map.copyOf(agiStatus);
        outcomes = Map.copyOf(outcomes);
        answeredBy = Map.copyOf(answeredBy);
    }

    /** Counts the results. */
    public static SimulationSummary of(List<CallResult> results) {
        Map<String, Integer> agi = new TreeMap<>();
        Map<String, Integer> outcomes = new TreeMap<>();
        Map<String, Integer> answered = new TreeMap<>();
        for (CallResult r : results) {
            agi.merge(r.agiStatus().isEmpty() ? NONE : r.agiStatus(), 1, Integer::sum);
            outcomes.merge(variable(r, "HOTLINE_OUTCOME").orElse(NONE), 1, Integer::sum);
            variable(r, "HOTLINE_ANSWERED_BY").ifPresent(op -> answered.merge(op, 1, Integer::sum));
        }
        List<Duration> firstDial = results.stream().map(CallResult::timeToFirstDial).flatMap(Optional::stream)
                .sorted().toList();
        return new SimulationSummary(results.size(), agi, outcomes, answered, percentile(firstDial, 50),
                percentile(firstDial, 99));
    }

    /** Prints the summary as a table people can read. */
    public void print(PrintWriter out) {
        out.println();
        out.println("Summary");
        row(out, "calls placed", Integer.toString(calls));
        section(out, "AGISTATUS", agiStatus);
        section(out, "outcome (HOTLINE_OUTCOME)", outcomes);
        section(out, "answered by", answeredBy);
        row(out, "time to first Dial p50", firstDialP50.map(SimulationSummary::seconds).orElse("-"));
        row(out, "time to first Dial p99", firstDialP99.map(SimulationSummary::seconds).orElse("-"));
        out.flush();
    }

    private static void section(PrintWriter out, String title, Map<String, Integer> counts) {
        out.println("  " + title);
        if (counts.isEmpty()) {
            row(out, "  -", "0");
        }
        new TreeMap<>(counts).forEach((key, count) -> row(out, "  " + key, Integer.toString(count)));
    }

    private static void row(PrintWriter out, String label, String value) {
        out.printf("  %-30s %8s%n", label, value);
    }

    private static String seconds(Duration d) {
        return String.format(java.util.Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }

    /** Nearest-rank percentile of sorted values. */
    static Optional<Duration> percentile(List<Duration> sorted, int percent) {
        if (sorted.isEmpty()) {
            return Optional.empty();
        }
        int rank = (int) Math.ceil(percent / 100.0 * sorted.size());
        return Optional.of(sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1))));
    }

    private static Optional<String> variable(CallResult result, String name) {
        return Optional.ofNullable(result.variables().get(name)).filter(v -> !v.isBlank());
    }
}
