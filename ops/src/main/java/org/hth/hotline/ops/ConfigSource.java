package org.hth.hotline.ops;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.hth.hotline.core.config.ConfigException;
import org.hth.hotline.core.config.ConfigLoader;
import org.hth.hotline.core.config.ConfigProblem;
import org.hth.hotline.core.config.HotlineConfig;

/**
 * Where the configuration comes from: {@code --config FILE}, else {@code HOTLINE_CONFIG}, else
 * {@code ./config/hotline.yaml} when it exists, else the built-in defaults; then the environment.
 */
final class ConfigSource {
    static final Path DEFAULT_FILE = Path.of("config", "hotline.yaml");
    /** Stands in for keys a start would generate, so that a check can describe the rest; never used. */
    private static final String PLACEHOLDER_KEY = Base64.getEncoder().encodeToString(new byte[32]);

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

    /**
     * Validates as a start would, without writing anything (keys that a start would generate are no
     * problem), and returns the configuration the server would run with.
     *
     * @throws ConfigException listing every problem
     */
    HotlineConfig check() {
        List<ConfigProblem> problems = ConfigLoader.validate(file, environment.env());
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        Map<String, String> withKeys = new HashMap<>(environment.env());
        withKeys.putIfAbsent("HOTLINE_PSEUDONYM_KEY", PLACEHOLDER_KEY);
        withKeys.putIfAbsent("HOTLINE_ENCRYPTION_KEY", PLACEHOLDER_KEY);
        return ConfigLoader.load(file, withKeys);
    }

    /** Loads and validates, generating missing local keys into the data directory when allowed. */
    HotlineConfig loadForRun() {
        return ConfigLoader.loadAndBootstrap(file, environment.env());
    }
}
