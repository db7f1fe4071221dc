package org.hth.hotline.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hth.hotline.core.config.ConfigFixture.env;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
    private static final Path SAMPLE = Path.of("../config/hotline.yaml");

    @TempDir
    Path dir;

    @Test
    void defaultsAloneGiveTheDocumentedValues() {
        HotlineConfig config = ConfigLoader.load(Optional.empty(), env());

        assertThat(config.dataDir()).isEqualTo(Path.of("data"));
        assertThat(config.store()).isEqualTo(StoreKind.SQLITE);
        assertThat(config.redis())
                .isEqualTo(new RedisConfig(URI.create("redis://127.0.0.1:6379"), Duration.ofSeconds(2)));
        assertThat(config.console()).isEqualTo(new ConsoleConfig("127.0.0.1", 8080, "http://localhost:8080"));
        assertThat(config.agi()).isEqualTo(new AgiConfig("127.0.0.1", 4573, List.of("127.0.0.1", "::1"), 1000,
                Duration.ofHours(72)));
        assertThat(config.roster().file()).isEqualTo(Path.of("config/roster.yaml"));
        assertThat(config.ami()).isEqualTo(new AmiConfig(true, "127.0.0.1", 5038, "hotline", Optional.empty(),
                Duration.ofSeconds(5), Duration.ofSeconds(1), Duration.ofSeconds(60)));
        assertThat(config.dispatcher())
                .isEqualTo(new DispatcherConfig(true, 4, Duration.ofSeconds(60), Duration.ofSeconds(1)));
        assertThat(config.logging()).isEqualTo(new LoggingConfig(LogFormat.TEXT));
        assertThat(config.secrets().generated()).isFalse();
        assertThat(config.secrets().pseudonymKey().bytes()).hasSize(32);
    }

    @Test
    void shippedSampleLoadsWithoutProblems() {
        assertThat(ConfigLoader.validate(Optional.of(SAMPLE), env())).isEmpty();
        assertThat(ConfigLoader.load(Optional.of(SAMPLE), env()))
                .isEqualTo(ConfigLoader.load(Optional.empty(), env()));
    }

    @Test
    void shippedSampleHasExactlyTheKeysOfTheBundledDefaults() throws IOException {
        YAMLMapper yaml = new YAMLMapper();
        JsonNode sample = yaml.readTree(SAMPLE.toFile());
        JsonNode defaults = yaml.readTree(getClass().getResource("/hotline-defaults.yaml"));

        assertThat(keys("", sample)).containsExactlyElementsOf(keys("", defaults));
        assertThat(sample).isEqualTo(defaults);
    }

    @Test
    void fileOverridesDefaultsAndEnvOverridesFile() {
        HotlineConfig config = ConfigFixture.load(dir, "console: { port: 9000, host: 0.0.0.0 }\n",
                env("HOTLINE_CONSOLE_PORT", "9100"));

        assertThat(config.console().port()).isEqualTo(9100);
        assertThat(config.console().host()).isEqualTo("0.0.0.0");
    }

    @Test
    void missingFileGivenExplicitlyIsAnError() {
        List<ConfigProblem> problems = ConfigLoader.validate(Optional.of(dir.resolve("nope.yaml")), env());

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.key()).endsWith("nope.yaml");
            assertThat(p.problem()).contains("does not exist");
        });
    }

    @Test
    void emptyFileMeansDefaults() {
        assertThat(ConfigFixture.load(dir, "# nothing here\n", env()))
                .isEqualTo(ConfigLoader.load(Optional.empty(), env()));
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        List<ConfigProblem> problems = ConfigFixture.problems(dir,
                "console: { port: 0 }\nagi: { port: abc }\nstore: mongo\n", env("HOTLINE_DISPATCHER_WORKERS", "0"));

        assertThat(problems).extracting(ConfigProblem::key)
                .containsExactlyInAnyOrder("console.port", "agi.port", "store", "dispatcher.workers");
    }

    @Test
    void trailingSlashOfPublicUrlIsDropped() {
        HotlineConfig config = ConfigLoader.load(Optional.empty(),
                env("HOTLINE_CONSOLE_PUBLIC_URL", "https://hotline.example/"));

        assertThat(config.console().publicUrl()).isEqualTo("https://hotline.example");
    }

    private static List<String> keys(String prefix, JsonNode node) {
        List<String> keys = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String path = prefix + field.getKey();
            keys.add(path);
            if (field.getValue().isObject()) {
                keys.addAll(keys(path + ".", field.getValue()));
            }
        }
        return keys;
    }

    @Test
    void sampleFileIsReadable() {
        assertThat(Files.isReadable(SAMPLE)).as("tests run in hotline-core/").isTrue();
    }
}
