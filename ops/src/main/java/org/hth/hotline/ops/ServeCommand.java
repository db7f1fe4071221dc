package org.hth.hotline.ops;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import org.hth.hotline.core.config.HotlineConfig;
import org.hth.hotline.ops.logging.LoggingSetup;
import org.hth.hotline.ops.serve.RunningServer;
import org.hth.hotline.ops.serve.ServerAssembly;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code hotline serve}: runs the server until SIGTERM or Ctrl-C, then stops it cleanly. */
@Command(name = "serve", description = "Run the hotline server until stopped (SIGTERM or Ctrl-C).")
final class ServeCommand implements Callable<Integer> {
    private final CommandEnvironment environment;

    @Option(names = "--config", paramLabel = "FILE", description = "hotline.yaml to read (default: ./config/hotline.yaml"
            + " when present, else built-in defaults)")
    private Path config;

    @Option(names = "--log-format", paramLabel = "FORMAT", description = "text or json (default: logging.format)")
    private String logFormat;

    ServeCommand(CommandEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() throws InterruptedException {
        HotlineConfig loaded = new ConfigSource(Optional.ofNullable(config), environment).loadForRun();
        String format = logFormat != null ? logFormat : loaded.logging().format().name();
        if (!format.equalsIgnoreCase("text") && !format.equalsIgnoreCase("json")) {
            environment.err().println("--log-format: \"" + format + "\" is not a log format; expected text or json");
            return 2;
        }
        LoggingSetup.apply(format);
        Logger log = LoggerFactory.getLogger(ServeCommand.class);
        RunningServer server = ServerAssembly.start(loaded, environment.env(), environment.clock());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "hotline-shutdown"));
        log.info("hotline serving: console http://{}:{}, FastAGI {}:{}, store {}", loaded.console().host(),
                server.consolePort(), loaded.agi().host(), server.agiPort(), server.store().describe());
        stopped.await();
        return 0;
    }
}
