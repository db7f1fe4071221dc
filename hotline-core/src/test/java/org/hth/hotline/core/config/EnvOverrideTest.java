package org.hth.hotline.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hth.hotline.core.config.ConfigFixture.env;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** Every leaf key is overridable by its derived {@code HOTLINE_…} variable, whatever its type. */
class EnvOverrideTest {
    private static HotlineConfig withEnv(String... pairs) {
        return ConfigLoader.load(Optional.empty(), env(pairs));
    }

    @Test
    void intIsOverriddenByEnv() {
        assertThat(withEnv("HOTLINE_CONSOLE_PORT", "9090").console().port()).isEqualTo(9090);
    }

    @Test
    void boolIsOverriddenByEnvIgnoringCase() {
        assertThat(withEnv("HOTLINE_DISPATCHER_ENABLED", "FALSE").dispatcher().enabled()).isFalse();
    }

    @Test
    void listIsOverriddenByCommaSeparatedEnv() {
        assertThat(withEnv("HOTLINE_AGI_ALLOWED_CLIENTS", "10.0.0.5, 192.168.1.0/24,,fd00::/8").agi().allowedClients())
                .containsExactly("10.0.0.5", "192.168.1.0/24", "fd00::/8");
    }

    @Test
    void durationIsOverriddenByEnvInShortOrIsoForm() {
        assertThat(withEnv("HOTLINE_AMI_CONNECT_TIMEOUT", "250ms").ami().connectTimeout())
                .isEqualTo(Duration.ofMillis(250));
        assertThat(withEnv("HOTLINE_DISPATCHER_LEASE", "PT2M").dispatcher().lease()).isEqualTo(Duration.ofMinutes(2));
        assertThat(withEnv("HOTLINE_AMI_RECONNECT_MAX", "1h").ami().reconnectMax()).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void enumIsOverriddenByEnv() {
        HotlineConfig config = withEnv("HOTLINE_STORE", "redis", "HOTLINE_LOGGING_FORMAT", "json");

        assertThat(config.store()).isEqualTo(StoreKind.REDIS);
        assertThat(config.logging().format()).isEqualTo(LogFormat.JSON);
    }

    @Test
    void stringsPathsAndUrlsAreOverriddenByEnv() {
        HotlineConfig config = withEnv("HOTLINE_DATA_DIR", "/var/lib/hotline", "HOTLINE_AMI_HOST", "pbx.local",
                "HOTLINE_REDIS_URL", "rediss://cache.local:6380/2", "HOTLINE_AMI_USERNAME", "hl");

        assertThat(config.dataDir()).isEqualTo(Path.of("/var/lib/hotline"));
        assertThat(config.ami().host()).isEqualTo("pbx.local");
        assertThat(config.ami().username()).isEqualTo("hl");
        assertThat(config.redis().url()).isEqualTo(URI.create("rediss://cache.local:6380/2"));
    }

    @Test
    void envNamesAreDerivedFromEveryKeyAndAreDistinct() {
        Map<String, String> names = ConfigLoader.environmentVariables();

        assertThat(names).containsEntry("dataDir", "HOTLINE_DATA_DIR")
                .containsEntry("store", "HOTLINE_STORE")
                .containsEntry("console.publicUrl", "HOTLINE_CONSOLE_PUBLIC_URL")
                .containsEntry("agi.allowedClients", "HOTLINE_AGI_ALLOWED_CLIENTS")
                .containsEntry("ami.secretFile", "HOTLINE_AMI_SECRET_FILE")
                .containsEntry("secrets.generateMissing", "HOTLINE_SECRETS_GENERATE_MISSING")
                .containsEntry("secrets.pseudonymKeyFile",
                        "HOTLINE_PSEUDONYM_KEY_FILE or HOTLINE_SECRETS_PSEUDONYM_KEY_FILE")
                .containsEntry("roster.file", "HOTLINE_ROSTER_FILE")
                .containsEntry("referrals.rulesFile", "HOTLINE_REFERRALS_RULES_FILE")
                .hasSize(39);
        assertThat(new HashSet<>(names.values())).hasSameSizeAs(names.values());
    }

    @Test
    void wrongValueFromEnvNamesTheVariable() {
        List<ConfigProblem> problems =
                ConfigLoader.validate(Optional.empty(), env("HOTLINE_DISPATCHER_WORKERS", "many"));

        assertThat(problems).singleElement()
                .satisfies(p -> assertThat(p.source()).hasValue("env HOTLINE_DISPATCHER_WORKERS"));
    }

    @Test
    void unrelatedEnvironmentVariablesAreIgnored() {
        assertThat(withEnv("PATH", "/bin", "HOTLINE_DESTINATION_UOR_SECRET", "whsec_x").console().port())
                .isEqualTo(8080);
    }
}
