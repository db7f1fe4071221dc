package org.hth.hotline.ops;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.hth.hotline.core.config.HotlineConfig;
import org.hth.hotline.core.export.ExportConfig;
import org.hth.hotline.core.export.ExportKind;
import org.hth.hotline.core.export.ExportService;
import org.hth.hotline.core.export.RowWriter;
import org.hth.hotline.core.export.TableWriter;
import org.hth.hotline.core.stats.StatsPeriod;
import org.hth.hotline.core.store.Store;
import org.hth.hotline.ops.coordinator.CoordinatorWiring;
import org.hth.hotline.ops.coordinator.ProgressBar;
import org.hth.hotline.ops.serve.ServerAssembly;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code hotline export calls|tickets|sirit --from DAY --to DAY [--format csv|json] [--output FILE]}: the same
 * exports as the console, from the store, local days of Europe/Rome, at most a year; a progress bar on standard
 * error. Runs beside a server on Redis; on SQLite, while the server runs, WAL lets it read.
 */
@Command(name = "export", description = "Export calls, tickets or the anonymised SIRIT dataset of a period.")
final class ExportCommand implements Callable<Integer> {
    private final CommandEnvironment environment;

    @Parameters(index = "0", paramLabel = "WHAT", description = "calls, tickets or sirit")
    private String what;

    @Option(names = "--from", required = true, paramLabel = "DAY", description = "first day, e.g. 2025-01-01")
    private LocalDate from;

    @Option(names = "--to", required = true, paramLabel = "DAY", description = "day after the last, e.g. 2026-01-01")
    private LocalDate to;

    @Option(names = "--format", defaultValue = "csv", description = "csv or json (default csv)")
    private String format;

    @Option(names = "--output", paramLabel = "FILE", description = "where to write (default standard output)")
    private Path output;

    @Option(names = "--config", paramLabel = "FILE", description = "hotline.yaml")
    private Path config;

    ExportCommand(CommandEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        Optional<ExportKind> kind = ExportKind.named(what);
        if (kind.isEmpty() || !(format.equals("csv") || format.equals("json"))) {
            environment.err().println("expected: export calls|tickets|sirit --format csv|json");
            return 2;
        }
        ExportConfig settings = CoordinatorWiring.exportConfig(environment.env());
        StatsPeriod period;
        try {
            period = new StatsPeriod(from.atStartOfDay(settings.zone()).toInstant(),
                    to.atStartOfDay(settings.zone()).toInstant());
        } catch (IllegalArgumentException e) {
            environment.err().println("--to: " + e.getMessage());
            return 2;
        }
        HotlineConfig checked = new ConfigSource(Optional.ofNullable(config), environment).check();
        ProgressBar bar = new ProgressBar(environment.err());
        try (Store store = ServerAssembly.openStore(checked, environment.clock())) {
            ExportService exports = new ExportService(store, settings.zone(), settings.siritThreshold());
            long rows = output == null ? export(exports, kind.get(), period, bar, environment.out())
                    : exportToFile(exports, kind.get(), period, bar);
            bar.done(rows);
        }
        return 0;
    }

    /** Writes the export to {@code out} as its rows are read; returns how many rows. */
    private long export(ExportService exports, ExportKind kind, StatsPeriod period, ProgressBar bar, Writer out) {
        List<String> columns = ExportService.columns(kind);
        RowWriter rows = format.equals("csv") ? TableWriter.csv(columns, out) : TableWriter.json(columns, out);
        long written = exports.export(kind, period, bar::update, rows);
        rows.finish();
        return written;
    }

    /**
     * Writes the export to {@code FILE.part} beside the output, then renames it to the output: an export that
     * fails half-way leaves no file that looks complete (and no part file).
     */
    private long exportToFile(ExportService exports, ExportKind kind, StatsPeriod period, ProgressBar bar) {
        Path part = output.resolveSibling(output.getFileName() + ".part");
        try {
            long written;
            try (Writer out = Files.newBufferedWriter(part, StandardCharsets.UTF_8)) {
                written = export(exports, kind, period, bar, out);
            }
            Files.move(part, output, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return written;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            try {
                Files.deleteIfExists(part);
            } catch (IOException e) {
                environment.err().println("could not delete " + part + ": " + e.getMessage());
            }
        }
    }
}
