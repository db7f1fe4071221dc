package org.hth.hotline.ops;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.hth.hotline.core.config.ConfigLoader;
import org.hth.hotline.core.config.HotlineConfig;

/**
 * Where the configuration comes from: {@code --config FILE}, else {@code HOTLINE_CONFIG}, else
 * {@code ./config/hotline.yaml} when it exists, else the built-in defaults; then the environment.
 */
final class ConfigSource {
    static final Path DEFAULT_FILE = Path.of("config", "hotline.yaml");

    private final Optional<Path> file;
    private final CommandEnvironment environment;

    ConfigSource(Optional<Path> explicit, CommandEnvironment environment) {
        this.environment = environment;
        this.file = explicit.or(() -> Optional.ofNullable(environment.env().get("HOTLINE_CONFIG")).map(Path::of))
                .or(() -> Files.isRegularFile(DEFAULT_FILE) ? Optional.of(DEFAULT_FILE) : Optional.empty());
    }

    /** The file read, if any. */
    Optional<Path> file() {
        return file;
    }

    /** Loads and validates, without writing anything. */
    HotlineConfig check() {
        return ConfigLoader.load(file, environment.env());
    }

    /** Loads and validates, generating missing local keys into the data directory when allowed. */
    HotlineConfig loadForRun() {
        return ConfigLoader.loadAndBootstrap(file, environment.env());
    }
}
