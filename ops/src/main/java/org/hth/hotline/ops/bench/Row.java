package org.hth.hotline.ops.bench;

import java.util.Objects;
import java.util.Optional;

/**
 * One line of the table: a figure summarised over its runs. Immutable.
 *
 * @param scenario      the scenario's name
 * @param figure        what is measured
 * @param unit          the unit of the value and the baseline
 * @param value         the figure over its runs, when measured
 * @param baselineLabel what the baseline is, when there is one
 * @param baseline      the baseline over its runs, when measured
 * @param target        the target as printed
 * @param verdict       met, missed, without target, not available or failed
 * @param note          how it was measured, or why it was not
 */
public record Row(String scenario, String figure, String unit, Optional<Spread> value, Optional<String> baselineLabel,
                  Optional<Spread> baseline, String target, Verdict verdict, String note) {
    public Row {
        Objects.requireNonNull(scenario, "scenario");
        Objects.requireNonNull(figure, "figure");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(baselineLabel, "baselineLabel");
        Objects.requireNonNull(baseline, "baseline");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(note, "note");
    }

    /** Figure median / baseline median, when both were measured and the baseline is not zero. */
    public Optional<Double> ratio() {
        if (value.isEmpty() || baseline.isEmpty() || baseline.get().median() == 0) {
            return Optional.empty();
        }
        return Optional.of(value.get().median() / baseline.get().median());
    }

    /** Summarises a figure and judges it against its target. */
    public static Row of(Figure figure) {
        Optional<String> label = figure.baseline().map(Figure.Baseline::label);
        String target = figure.target().describe(figure.unit());
        if (figure.unavailable().isPresent()) {
            return new Row(figure.scenario(), figure.name(), figure.unit(), Optional.empty(), label, Optional.empty(),
                    target, Verdict.NOT_AVAILABLE, "not available in this build: " + figure.unavailable().get());
        }
        Spread value = Spread.of(figure.values());
        Optional<Spread> baseline = figure.baseline().filter(b -> !b.values().isEmpty())
                .map(b -> Spread.of(b.values()));
        Verdict verdict;
        if (figure.target() instanceof Target.None) {
            verdict = Verdict.NO_TARGET;
        } else {
            verdict = figure.target().met(value.median(), baseline.map(Spread::median)) ? Verdict.MET : Verdict.MISSED;
        }
        return new Row(figure.scenario(), figure.name(), figure.unit(), Optional.of(value), label, baseline, target,
                verdict, figure.note());
    }

    /** A scenario that failed while running. */
    public static Row failed(String scenario, Throwable cause) {
        return new Row(scenario, "(scenario)", "", Optional.empty(), Optional.empty(), Optional.empty(), "-",
                Verdict.FAILED, cause.getClass().getSimpleName() + ": " + cause.getMessage());
    }
}
