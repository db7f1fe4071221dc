package org.hth.hotline.ops.bench;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One figure of a scenario as measured: the value of each run and, when the figure has one, the baseline's
 * value of each run, measured in the same run with the same payloads and the same harness. A figure that
 * could not be measured carries the reason instead of values. Immutable.
 *
 * @param scenario    the scenario's name, e.g. {@code route}
 * @param name        what is measured, e.g. {@code connect->Dial p99}
 * @param unit        e.g. {@code ms}, {@code events/s}, {@code MB}
 * @param values      the figure, one value per run
 * @param baseline    the baseline's label and its value per run, when there is a baseline
 * @param target      what the figure should reach
 * @param unavailable why the figure was not measured, when it was not
 * @param note        a remark printed under the table (how it was measured), may be empty
 */
public record Figure(String scenario, String name, String unit, List<Double> values, Optional<Baseline> baseline,
                     Target target, Optional<String> unavailable, String note) {
    public Figure {
        Objects.requireNonNull(scenario, "scenario");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(unit, "unit");
        values = List.copyOf(values);
        Objects.requireNonNull(baseline, "baseline");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(unavailable, "unavailable");
        Objects.requireNonNull(note, "note");
        if (values.isEmpty() && unavailable.isEmpty()) {
            throw new IllegalArgumentException(scenario + " " + name + ": no values and no reason");
        }
    }

    /**
     * The baseline of a figure.
     *
     * @param label  what it is, e.g. {@code bare Asterisk-Java Dial script}
     * @param values one value per run
     */
    public record Baseline(String label, List<Double> values) {
        public Baseline {
            Objects.requireNonNull(label, "label");
            values = List.copyOf(values);
        }
    }

    /** A measured figure without a baseline. */
    public static Figure measured(String scenario, String name, String unit, List<Double> values, Target target,
                                  String note) {
        return new Figure(scenario, name, unit, values, Optional.empty(), target, Optional.empty(), note);
    }

    /** A measured figure beside its baseline. */
    public static Figure compared(String scenario, String name, String unit, List<Double> values, Baseline baseline,
                                  Target target, String note) {
        return new Figure(scenario, name, unit, values, Optional.of(baseline), target, Optional.empty(), note);
    }

    /** A figure this build cannot measure, and why. */
    public static Figure unavailable(String scenario, String name, String unit, Optional<String> baselineLabel,
                                     Target target, String reason) {
        return new Figure(scenario, name, unit, List.of(),
                baselineLabel.map(label -> new Baseline(label, List.of())), target, Optional.of(reason), "");
    }
}
