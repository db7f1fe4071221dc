package org.hth.hotline.core.config;

import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.hth.hotline.core.config.internal.EnvLayer;
import org.hth.hotline.core.config.internal.FileLayer;
import org.hth.hotline.core.config.internal.KeySpec;
import org.hth.hotline.core.config.internal.Problems;
import org.hth.hotline.core.config.internal.SecretResolver;
import org.hth.hotline.core.config.internal.SectionReader;
import org.hth.hotline.core.config.internal.SettingsTree;
import org.hth.hotline.core.config.internal.TypedSettings;

/**
 * Builds the {@link HotlineConfig}: the bundled defaults ({@code hotline-defaults.yaml}), then the YAML file if
 * given, then {@code HOTLINE_…} environment variables; validates everything and reports every problem at once in
 * a {@link ConfigException}. The environment is passed in (the caller passes {@code System.getenv()}).
 *
 * <p>Three entry points, one pipeline:
 * <ul>
 *   <li>{@link #load} reads, never writes: secrets come from env, from files, or from keys generated on an
 *       earlier start. A missing key that would be generated is a problem ("not generated yet").</li>
 *   <li>{@link #loadAndBootstrap} is what the server calls at start-up: as {@code load}, but when the
 *       configuration is otherwise valid it has {@link SecretsBootstrap} generate missing keys (if
 *       {@code secrets.generateMissing}) and returns {@code secrets().generated() == true}.</li>
 *   <li>{@link #validate} is for {@code check-config}: the problems {@code loadAndBootstrap} would report,
 *       without writing anything.</li>
 * </ul>
 * Stateless and thread-safe; each call works on its own copies.
 */
public final class ConfigLoader {
    private enum Mode { READ, CHECK, BOOTSTRAP }

    private final Map<String, String> env;
    private final Mode mode;
    private final Problems problems = new Problems();

    private ConfigLoader(Map<String, String> env, Mode mode) {
        this.env = Map.copyOf(env);
        this.mode = mode;
    }

    /** Loads and validates without writing anything. @throws ConfigException listing every problem */
    public static HotlineConfig load(Optional<Path> file, Map<String, String> env) {
        return new ConfigLoader(env, Mode.READ).run(file, null);
    }

    /** Loads, validates and generates missing keys. @throws ConfigException listing every problem */
    public static HotlineConfig loadAndBootstrap(Optional<Path> file, Map<String, String> env) {
        return loadAndBootstrap(file, env, new SecretsBootstrap(new SecureRandom()));
    }

    /** As {@link #loadAndBootstrap(Optional, Map)}, with the given generator (tests pass a seeded one). */
    public static HotlineConfig loadAndBootstrap(Optional<Path> file, Map<String, String> env,
                                                 SecretsBootstrap bootstrap) {
        return new ConfigLoader(env, Mode.BOOTSTRAP).run(file, bootstrap);
    }

    /** Every problem {@link #loadAndBootstrap} would report; empty when the configuration is good. Never writes. */
    public static List<ConfigProblem> validate(Optional<Path> file, Map<String, String> env) {
        ConfigLoader loader = new ConfigLoader(env, Mode.CHECK);
        try {
            loader.run(file, null);
        } catch (ConfigException e) {
            return e.problems();
        }
        return List.of();
    }

    /** Every configuration key and the environment variable(s) that override it, for documentation. */
    public static Map<String, String> environmentVariables() {
        return EnvLayer.names(SettingsTree.defaults());
    }

    private HotlineConfig run(Optional<Path> file, SecretsBootstrap bootstrap) {
        SettingsTree tree = SettingsTree.defaults();
        file.ifPresent(f -> FileLayer.apply(f, tree, problems));
        EnvLayer.apply(env, tree, problems);
        TypedSettings settings = new TypedSettings(tree, problems);
        SectionReader sections = new SectionReader(settings);
        SecretResolver secrets = new SecretResolver(env, settings, problems);

        Path dataDir = sections.dataDir();
        StoreKind store = sections.store();
        RedisConfig redis = sections.redis();
        ConsoleConfig console = sections.console();
        AgiConfig agi = sections.agi();
        RosterConfig roster = sections.roster();
        AmiConfig ami = sections.ami(secrets.amiSecret());
        DispatcherConfig dispatcher = sections.dispatcher();
        ReferralsConfig referrals = sections.referrals();
        LoggingConfig logging = sections.logging();
        RetentionConfig retention = sections.retention();
        boolean generateMissing = sections.generateMissingSecrets();

        Map<KeySpec, Secret> keys = new EnumMap<>(KeySpec.class);
        List<KeySpec> missing = new ArrayList<>();
        for (KeySpec spec : KeySpec.values()) {
            if (secrets.isProvided(spec, dataDir)) {
                secrets.key(spec, dataDir).ifPresent(key -> keys.put(spec, key));
            } else if (!generateMissing) {
                problems.add(spec.key, "is not set (secrets.generateMissing is false)", whereToSet(spec));
            } else if (mode == Mode.READ) {
                problems.add(spec.key, "is not set and was not generated yet in " + spec.generatedFile(dataDir),
                        whereToSet(spec) + ", or let the server generate it at start-up (hotline serve)");
            } else {
                missing.add(spec);
            }
        }
        problems.throwIfAny();
        if (mode == Mode.CHECK) {
            return null;
        }
        for (KeySpec spec : missing) {
            keys.put(spec, generate(bootstrap, spec, dataDir));
        }
        problems.throwIfAny();
        SecretsConfig secretsConfig = new SecretsConfig(keys.get(KeySpec.PSEUDONYM), keys.get(KeySpec.ENCRYPTION),
                !missing.isEmpty());
        return new HotlineConfig(dataDir, store, redis, console, agi, roster, ami, dispatcher, referrals, logging,
                secretsConfig, retention);
    }

    private Secret generate(SecretsBootstrap bootstrap, KeySpec spec, Path dataDir) {
        Path file = spec.generatedFile(dataDir);
        try {
            return bootstrap.generate(file);
        } catch (IOException | IllegalArgumentException e) {
            problems.add(spec.key, "could not be generated into " + file + " (" + e.getClass().getSimpleName() + ")",
                    "a writable dataDir, or " + whereToSet(spec));
            return Secret.key(new byte[0]);
        }
    }

    private static String whereToSet(KeySpec spec) {
        return spec.expectedText() + " in env " + spec.env + ", or a file named by " + spec.env + "_FILE or "
                + spec.fileKey;
    }
}
