package org.hth.hotline.ops.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import org.hth.hotline.ops.CommandEnvironment;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code hotline bench [--only NAME] [--quick]}: measures the server on loopback beside its baselines, prints
 * the machine and one table, and writes {@code target/bench.json} under the working directory. Redis rows
 * are measured when {@code HOTLINE_BENCH_REDIS_URL} is set. Exit code 0 whether targets are met or not (a
 * bench is not a test), 1 when a scenario failed to run.
 */
@Command(name = "bench", description = "Measure speed and scale on loopback beside the libraries' own floor.")
public final class BenchCommand implements Callable<Integer> {
    static final String REDIS_VARIABLE = "HOTLINE_BENCH_REDIS_URL";

    private final CommandEnvironment environment;

    @Option(names = "--only", paramLabel = "NAME", description = "Run one scenario: route, ami, dispatch, calllog,"
            + " fanout, memory.")
    private String only;

    @Option(names = "--quick", description = "Smaller loads and fewer runs (under 3 minutes).")
    private boolean quick;

    @Option(names = "--records", hidden = true, description = "Call records for calllog (tests).")
    private Integer records;

    @Option(names = "--json", hidden = true, paramLabel = "FILE", description = "Where to write the JSON.")
    private Path json = Path.of("target", "bench.json");

    public BenchCommand(CommandEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() throws IOException {
        Progress progress = new Progress(environment.err());
        BenchRunner runner = new BenchRunner(scenarios(), progress);
        if (only != null && !runner.names().contains(only)) {
            environment.err().println("--only: \"" + only + "\" is not a scenario; expected one of " + runner.names());
            return 2;
        }
        QuietLogging.apply();
        Machine machine = Machine.current();
        progress.say("bench", machine.describe());
        Path work = Files.createTempDirectory("hotline-bench");
        List<Row> rows;
        try {
            Optional<URI> redis = Optional.ofNullable(environment.env().get(REDIS_VARIABLE)).filter(s -> !s.isBlank())
                    .map(URI::create);
            BenchSettings settings = BenchSettings.of(quick, Optional.ofNullable(records), redis, work);
            rows = runner.run(settings, Optional.ofNullable(only));
        } finally {
            deleteTree(work);
        }
        environment.out().print(new TablePrinter().render(machine, rows));
        new BenchJson().write(json, environment.clock().instant(), machine, quick, rows);
        environment.out().println("written: " + json);
        environment.out().flush();
        progress.say("bench", "finished");
        return rows.stream().anyMatch(row -> row.verdict() == Verdict.FAILED) ? 1 : 0;
    }

    private static List<Scenario> scenarios() {
        // memory right after route: the JVM's heap has not yet grown for the AMI stream and the call log
        return List.of(new RouteScenario(), new MemoryScenario(), new AmiScenario(), new DispatchScenario(),
                new CallLogScenario(), new FanoutScenario());
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
