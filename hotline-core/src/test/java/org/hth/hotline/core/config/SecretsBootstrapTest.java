package org.hth.hotline.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Missing keys are generated once under the data directory, only by {@code loadAndBootstrap}. */
class SecretsBootstrapTest {
    @TempDir
    Path dir;

    private Map<String, String> env() {
        return Map.of("HOTLINE_DATA_DIR", dir.resolve("data").toString());
    }

    private HotlineConfig bootstrap(Map<String, String> env) {
        return ConfigLoader.loadAndBootstrap(Optional.empty(), env, new SecretsBootstrap(new SecureRandom()));
    }

    @Test
    void missingKeysAreGeneratedIntoTheDataDirectory() throws IOException {
        HotlineConfig config = bootstrap(env());

        Path dataDir = dir.resolve("data");
        assertThat(config.secrets().generated()).isTrue();
        assertThat(config.secrets().pseudonymKey().bytes()).hasSize(32);
        assertThat(config.secrets().encryptionKey().bytes()).hasSize(32)
                .isNotEqualTo(config.secrets().pseudonymKey().bytes());
        assertThat(Files.readString(SecretsBootstrap.pseudonymKeyFile(dataDir)))
                .isEqualTo(config.secrets().pseudonymKey().value() + "\n");
        assertThat(SecretsBootstrap.encryptionKeyFile(dataDir)).isEqualTo(dataDir.resolve("secrets/encryption.key"));
    }

    @Test
    void generatedFilesAreOwnerOnly() throws IOException {
        assumeThat(dir.getFileSystem().supportedFileAttributeViews()).contains("posix");

        bootstrap(env());

        Path secrets = dir.resolve("data/secrets");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secrets))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secrets.resolve("pseudonym.key"))))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secrets.resolve("encryption.key"))))
                .isEqualTo("rw-------");
    }

    @Test
    void generatedKeysAreReusedOnTheNextStart() {
        HotlineConfig first = bootstrap(env());

        HotlineConfig second = bootstrap(env());
        HotlineConfig pure = ConfigLoader.load(Optional.empty(), env());

        assertThat(second.secrets()).isEqualTo(new SecretsConfig(first.secrets().pseudonymKey(),
                first.secrets().encryptionKey(), false));
        assertThat(pure.secrets()).isEqualTo(second.secrets());
    }

    @Test
    void onlyTheMissingKeyIsGenerated() {
        HotlineConfig config = bootstrap(Map.of("HOTLINE_DATA_DIR", dir.resolve("data").toString(),
                "HOTLINE_ENCRYPTION_KEY", ConfigFixture.ENCRYPTION_KEY));

        assertThat(config.secrets().encryptionKey().value()).isEqualTo(ConfigFixture.ENCRYPTION_KEY);
        assertThat(config.secrets().generated()).isTrue();
        assertThat(dir.resolve("data/secrets/encryption.key")).doesNotExist();
    }

    @Test
    void pureLoadNeverWritesAndSaysTheKeyIsNotGeneratedYet() {
        assertThatThrownBy(() -> ConfigLoader.load(Optional.empty(), env()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("secrets.pseudonymKey: is not set and was not generated yet")
                .hasMessageContaining("HOTLINE_PSEUDONYM_KEY");
        assertThat(dir.resolve("data")).doesNotExist();
    }

    @Test
    void validateAcceptsKeysThatWouldBeGeneratedWithoutWriting() {
        assertThat(ConfigLoader.validate(Optional.empty(), env())).isEmpty();
        assertThat(dir.resolve("data")).doesNotExist();
    }

    @Test
    void nothingIsGeneratedWhenTheConfigurationHasProblems() {
        assertThatThrownBy(() -> bootstrap(Map.of("HOTLINE_DATA_DIR", dir.resolve("data").toString(),
                "HOTLINE_CONSOLE_PORT", "0")))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith("console.port:");
        assertThat(dir.resolve("data")).doesNotExist();
    }

    @Test
    void missingKeyWithGenerationOffIsAnErrorNamingTheVariable() {
        assertThatThrownBy(() -> bootstrap(Map.of("HOTLINE_DATA_DIR", dir.toString(),
                "HOTLINE_SECRETS_GENERATE_MISSING", "false")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("secrets.pseudonymKey: is not set (secrets.generateMissing is false)")
                .hasMessageContaining("env HOTLINE_ENCRYPTION_KEY");
        assertThat(dir.resolve("secrets")).doesNotExist();
    }

    @Test
    void unwritableDataDirectoryIsReportedAsAProblem() throws IOException {
        Path notADirectory = Files.writeString(dir.resolve("file"), "x");

        assertThatThrownBy(() -> bootstrap(Map.of("HOTLINE_DATA_DIR", notADirectory.toString())))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("secrets.pseudonymKey: could not be generated into");
    }
}
