package org.hth.hotline.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hth.hotline.core.config.ConfigFixture.env;
import static org.hth.hotline.core.config.ConfigFixture.problem;
import static org.hth.hotline.core.config.ConfigFixture.write;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Secrets come from env or files, are checked, and never show up in text. */
class SecretsTest {
    private static final String SHORT_KEY = Base64.getEncoder().encodeToString(ConfigFixture.filled(16, 7));

    @TempDir
    Path dir;

    @Test
    void secretToStringNeverShowsTheValue() {
        Secret secret = Secret.text("hunter2");

        assertThat(secret).hasToString("Secret[***]");
        assertThat(secret.value()).isEqualTo("hunter2");
        assertThat(secret.bytes()).isEqualTo("hunter2".getBytes(StandardCharsets.UTF_8));
        assertThat(new AmiConfig(true, "h", 1, "u", Optional.of(secret), java.time.Duration.ofSeconds(1),
                java.time.Duration.ofSeconds(1), java.time.Duration.ofSeconds(1)).toString()).doesNotContain("hunter2");
    }

    @Test
    void keySecretExposesDecodedBytesAndBase64Value() {
        Secret key = Secret.key(ConfigFixture.filled(32, 1));

        assertThat(key.value()).isEqualTo(ConfigFixture.PSEUDONYM_KEY);
        assertThat(key.bytes()).hasSize(32);
        assertThat(key).isEqualTo(Secret.key(ConfigFixture.filled(32, 1))).hasToString("Secret[***]");
    }

    @Test
    void amiSecretComesFromEnv() {
        HotlineConfig config = ConfigLoader.load(Optional.empty(), env("HOTLINE_AMI_SECRET", "pbx-pass"));

        assertThat(config.ami().secret()).map(Secret::value).hasValue("pbx-pass");
    }

    @Test
    void amiSecretIsOptional() {
        assertThat(ConfigLoader.load(Optional.empty(), env()).ami().secret()).isEmpty();
        assertThat(ConfigLoader.load(Optional.empty(), env("HOTLINE_AMI_SECRET", "")).ami().secret()).isEmpty();
    }

    @Test
    void amiSecretFileFromYamlHasItsTrailingNewlineTrimmed() {
        Path secretFile = write(dir.resolve("ami.secret"), "pbx pass\n");

        HotlineConfig config = ConfigFixture.load(dir, "ami:\n  secretFile: " + secretFile + "\n", env());

        assertThat(config.ami().secret()).map(Secret::value).hasValue("pbx pass");
    }

    @Test
    void keysComeFromFilesNamedInEnv() {
        Path pseudonym = write(dir.resolve("p.key"), ConfigFixture.PSEUDONYM_KEY + "\r\n");
        Path encryption = write(dir.resolve("e.key"), ConfigFixture.ENCRYPTION_KEY + "\n");
        Map<String, String> env = Map.of("HOTLINE_PSEUDONYM_KEY_FILE", pseudonym.toString(),
                "HOTLINE_SECRETS_ENCRYPTION_KEY_FILE", encryption.toString());

        SecretsConfig secrets = ConfigLoader.load(Optional.empty(), env).secrets();

        assertThat(secrets.pseudonymKey().bytes()).isEqualTo(ConfigFixture.filled(32, 1));
        assertThat(secrets.encryptionKey().bytes()).isEqualTo(ConfigFixture.filled(32, 2));
        assertThat(secrets.generated()).isFalse();
    }

    @Test
    void unreadableSecretFileNamesTheKeyAndThePath() {
        Path missing = dir.resolve("absent.secret");

        ConfigProblem p = problem(dir, "", env("HOTLINE_AMI_SECRET_FILE", missing.toString()));

        assertThat(p.key()).isEqualTo("ami.secretFile");
        assertThat(p.problem()).contains(missing.toString()).contains("cannot be read");
        assertThat(p.source()).hasValue("env HOTLINE_AMI_SECRET_FILE");
    }

    @Test
    void pseudonymKeyTooShortIsRefused() {
        ConfigProblem p = problem(dir, "", env("HOTLINE_PSEUDONYM_KEY", SHORT_KEY));

        assertThat(p.describe()).isEqualTo("secrets.pseudonymKey: is too short (16 bytes); "
                + "expected base64 of at least 32 bytes (env HOTLINE_PSEUDONYM_KEY)");
    }

    @Test
    void pseudonymKeyNotBase64IsRefused() {
        ConfigProblem p = problem(dir, "", env("HOTLINE_PSEUDONYM_KEY", "not base64 at all!"));

        assertThat(p.problem()).isEqualTo("is not valid base64");
    }

    @Test
    void encryptionKeyOfWrongLengthIsRefused() {
        String longKey = Base64.getEncoder().encodeToString(ConfigFixture.filled(48, 3));

        ConfigProblem p = problem(dir, "", env("HOTLINE_ENCRYPTION_KEY", longKey));

        assertThat(p.key()).isEqualTo("secrets.encryptionKey");
        assertThat(p.problem()).isEqualTo("has the wrong length (48 bytes)");
        assertThat(p.expected()).contains("exactly 32 bytes");
    }

    @Test
    void problemMessagesNeverContainSecretValues() {
        String badEncryption = Base64.getEncoder().encodeToString(ConfigFixture.filled(31, 9));
        Path amiFile = write(dir.resolve("ami"), "topsecret-ami\n");

        List<ConfigProblem> problems = ConfigFixture.problems(dir,
                "ami: { secret: topsecret-yaml, secretFile: " + amiFile + " }\n",
                env("HOTLINE_PSEUDONYM_KEY", SHORT_KEY, "HOTLINE_ENCRYPTION_KEY", badEncryption,
                        "HOTLINE_REDIS_URL", "redis://u:topsecret-redis@cache:99999"));
        String message = new ConfigException(problems).getMessage();

        assertThat(problems).hasSize(4);
        assertThat(message).doesNotContain("topsecret").doesNotContain(SHORT_KEY).doesNotContain(badEncryption);
    }

    @Test
    void missingKeyWithGenerationOffNamesTheVariable() {
        List<ConfigProblem> problems = ConfigLoader.validate(Optional.empty(),
                Map.of("HOTLINE_SECRETS_GENERATE_MISSING", "false",
                        "HOTLINE_ENCRYPTION_KEY", ConfigFixture.ENCRYPTION_KEY));

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.key()).isEqualTo("secrets.pseudonymKey");
            assertThat(p.describe()).contains("HOTLINE_PSEUDONYM_KEY").contains("generateMissing is false");
        });
    }
}
