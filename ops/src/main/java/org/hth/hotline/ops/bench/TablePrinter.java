package org.hth.hotline.ops.bench;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Renders the result as one plain-text table (scenario, figure, value, baseline, ratio, target, met), the
 * machine above it and the notes below it. A value is the median of the runs with the spread (lowest to
 * highest run) in brackets. Pure.
 */
public final class TablePrinter {
    private static final String[] HEADER = {"scenario", "figure", "value (min-max)", "baseline (min-max)", "ratio",
        "target", "met"};

    /** The whole report as text, lines ending in {@code \n}. */
    public String render(Machine machine, List<Row> rows) {
        StringBuilder out = new StringBuilder();
        out.append("machine: ").append(machine.describe()).append('\n');
        List<String[]> cells = new ArrayList<>();
        cells.add(HEADER);
        for (Row row : rows) {
            cells.add(new String[] {row.scenario(), row.figure(), value(row.value(), row.unit()),
                value(row.baseline(), row.unit()), row.ratio().map(r -> Numbers.format(r) + "x").orElse("-"),
                row.target(), row.verdict().shown()});
        }
        int[] widths = new int[HEADER.length];
        for (String[] line : cells) {
            for (int i = 0; i < line.length; i++) {
                widths[i] = Math.max(widths[i], line[i].length());
            }
        }
        appendLine(out, cells.get(0), widths);
        appendRule(out, widths);
        for (String[] line : cells.subList(1, cells.size())) {
            appendLine(out, line, widths);
        }
        Set<String> notes = new LinkedHashSet<>();
        for (Row row : rows) {
            row.baselineLabel().ifPresent(label -> notes.add(row.scenario() + " " + row.figure() + ": baseline = "
                    + label));
            if (!row.note().isEmpty()) {
                notes.add(row.scenario() + " " + row.figure() + ": " + row.note());
            }
        }
        if (!notes.isEmpty()) {
            out.append("notes:\n");
            notes.forEach(note -> out.append("  ").append(note).append('\n'));
        }
        return out.toString();
    }

    private static String value(Optional<Spread> spread, String unit) {
        if (spread.isEmpty()) {
            return "-";
        }
        Spread s = spread.get();
        String main = Numbers.format(s.median()) + (unit.isEmpty() ? "" : " " + unit);
        if (s.runs() < 2) {
            return main;
        }
        return main + " (" + Numbers.format(s.min()) + "-" + Numbers.format(s.max()) + ")";
    }

    private static void appendLine(StringBuilder out, String[] line, int[] widths) {
        StringBuilder text = new StringBuilder("| ");
        for (int i = 0; i < line.length; i++) {
            text.append(pad(line[i], widths[i])).append(" | ");
        }
        out.append(text.toString().stripTrailing()).append('\n');
    }

    private static void appendRule(StringBuilder out, int[] widths) {
        StringBuilder text = new StringBuilder("|");
        for (int width : widths) {
            text.append("-".repeat(width + 2)).append('|');
        }
        out.append(text).append('\n');
    }

    private static String pad(String text, int width) {
        return text + " ".repeat(width - text.length());
    }
}
