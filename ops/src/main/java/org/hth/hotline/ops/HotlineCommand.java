package org.hth.hotline.ops;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;

import org.hth.hotline.core.config.ConfigException;
import org.hth.hotline.ops.bench.BenchCommand;
import org.hth.hotline.ops.serve.StartupException;
import org.hth.hotline.ops.simulate.SimulateCommand;
import org.hth.hotline.ops.users.UserCommand;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code hotline}: the server's command line. Exit codes: 0 done, 1 unexpected failure, 2 bad configuration
 * or usage, 3 the server could not start (a port in use, the data directory, the store).
 */
@Command(name = "hotline", mixinStandardHelpOptions = true, version = "hotline 0.1.0",
        description = "Numero Verde 800 290 290 hotline server (Liguria).")
public final class HotlineCommand implements Runnable {
    public static final int CONFIG_ERROR = 2;
    public static final int STARTUP_ERROR = 3;

    private final CommandEnvironment environment;

    HotlineCommand(CommandEnvironment environment) {
        this.environment = environment;
    }

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(environment.out());
    }

    /** The command line with every subcommand, reading and writing through the given environment. */
    public static CommandLine commandLine(CommandEnvironment environment) {
        CommandLine user = new CommandLine(new UserCommand())
                .addSubcommand("add", new UserAddCommand(environment));
        CommandLine cli = new CommandLine(new HotlineCommand(environment))
                .addSubcommand("serve", new ServeCommand(environment))
                .addSubcommand("check-config", new CheckConfigCommand(environment))
                .addSubcommand("simulate", new SimulateCommand(environment))
                .addSubcommand("bench", new BenchCommand(environment))
                .addSubcommand("export", new ExportCommand(environment))
                .addSubcommand("user", user);
        cli.setOut(environment.out());
        cli.setErr(environment.err());
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof ConfigException config) {
                environment.err().println("configuration is not valid:");
                environment.err().println(config.getMessage());
                environment.err().flush();
                return CONFIG_ERROR;
            }
            if (e instanceof StartupException startup) {
                environment.err().println("cannot start: " + startup.getMessage());
                environment.err().flush();
                return STARTUP_ERROR;
            }
            environment.err().println("unexpected failure (a bug; please report it): " + e);
            e.printStackTrace(environment.err());
            environment.err().flush();
            return 1;
        });
        return cli;
    }

    public static void main(String[] args) {
        CommandEnvironment environment = new CommandEnvironment(System.getenv(),
                new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)),
                new PrintWriter(System.out, true, StandardCharsets.UTF_8),
                new PrintWriter(System.err, true, StandardCharsets.UTF_8),
                Clock.systemUTC());
        System.exit(commandLine(environment).execute(args));
    }
}
