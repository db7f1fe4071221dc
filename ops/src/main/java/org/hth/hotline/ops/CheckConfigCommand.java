package org.hth.hotline.ops;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.hth.hotline.core.config.HotlineConfig;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code hotline check-config}: validates the configuration and exits non-zero with the problems. */
@Command(name = "check-config", description = "Validate the configuration (file and environment) and exit.")
final class CheckConfigCommand implements Callable<Integer> {
    private final CommandEnvironment environment;

    @Option(names = "--config", paramLabel = "FILE", description = "hotline.yaml to check")
    private Path config;

    CheckConfigCommand(CommandEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        ConfigSource source = new ConfigSource(Optional.ofNullable(config), environment);
        HotlineConfig checked = source.check();
        environment.out().printf("configuration OK (%s)%n",
                source.file().map(f -> "file " + f + " and environment").orElse("built-in defaults and environment"));
        environment.out().printf("  store:   %s%n", switch (checked.store()) {
            case SQLITE -> "sqlite in " + checked.dataDir();
            case REDIS -> "redis at " + checked.redis().url().getHost() + ":" + checked.redis().url().getPort();
        });
        environment.out().printf("  console: %s:%d%n", checked.console().host(), checked.console().port());
        environment.out().printf("  agi:     %s:%d%n", checked.agi().host(), checked.agi().port());
        environment.out().printf("  ami:     %s%n", !checked.ami().enabled() ? "off"
                : checked.ami().host() + ":" + checked.ami().port()
                        + (checked.ami().secret().isPresent() ? "" : " (no secret set: the PBX will not connect)"));
        environment.out().flush();
        return 0;
    }
}
