package org.hth.hotline.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hth.hotline.core.config.ConfigFixture.env;
import static org.hth.hotline.core.config.ConfigFixture.problem;

import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One test per validation rule; each names the key and says what was expected. */
class ValidationRulesTest {
    @TempDir
    Path dir;

    @Test
    void malformedYamlGivesLineAndColumnWithoutStackTrace() {
        ConfigProblem p = problem(dir, "console:\n  port: 8080\n   host: [x\n", env());

        assertThat(p.key()).endsWith("hotline.yaml");
        assertThat(p.problem()).startsWith("malformed YAML at line 3, column")
                .doesNotContain("\n").doesNotContain("\tat ");
        assertThat(new ConfigException(java.util.List.of(p)).getMessage()).doesNotContain("Exception");
    }

    @Test
    void duplicateKeyIsMalformed() {
        assertThat(problem(dir, "store: sqlite\nstore: redis\n", env()).problem())
                .contains("malformed YAML at line 2").contains("store");
    }

    @Test
    void unknownKeyIsNamedWithTheClosestKnownKey() {
        ConfigProblem p = problem(dir, "console:\n  prot: 8080\n", env());

        assertThat(p.key()).isEqualTo("console.prot");
        assertThat(p.problem()).isEqualTo("unknown key (did you mean console.port?)");
        assertThat(p.expected()).isEqualTo("a key of console: host, port, publicUrl, sessionIdleTimeout, sessionMaxAge, loginMaxFailures, "
                + "loginLockout, tlsCertFile, tlsKeyFile");
        assertThat(p.source()).hasValueSatisfying(s -> assertThat(s).endsWith("hotline.yaml line 2"));
    }

    @Test
    void unknownTopLevelKeyWithNothingCloseGetsNoSuggestion() {
        ConfigProblem p = problem(dir, "banana: 1\n", env());

        assertThat(p.key()).isEqualTo("banana");
        assertThat(p.problem()).isEqualTo("unknown key");
        assertThat(p.expected()).startsWith("a top-level key: dataDir, store, redis");
    }

    @Test
    void wrongTypeNamesTheKeyAndTheValue() {
        ConfigProblem p = problem(dir, "console: { port: abc }\n", env());

        assertThat(p.describe()).startsWith("console.port: \"abc\" is not a whole number; expected a TCP port 1-65535");
    }

    @Test
    void sectionGivenAsSingleValueIsRefused() {
        assertThat(problem(dir, "console: 8080\n", env()).problem()).isEqualTo("is a single value");
    }

    @Test
    void portOutOfRangeNamesTheKey() {
        ConfigProblem p = problem(dir, "", env("HOTLINE_CONSOLE_PORT", "70000"));

        assertThat(p.describe()).isEqualTo(
                "console.port: \"70000\" is out of range; expected a TCP port 1-65535 (env HOTLINE_CONSOLE_PORT)");
    }

    @Test
    void storeMustBeSqliteOrRedis() {
        ConfigProblem p = problem(dir, "store: mongo\n", env());

        assertThat(p.key()).isEqualTo("store");
        assertThat(p.expected()).isEqualTo("sqlite | redis");
    }

    @Test
    void redisUrlMustBeRedisSchemeWithHost() {
        assertThat(problem(dir, "redis: { url: 'http://cache:6379' }\n", env()).problem())
                .contains("does not start with redis://");
        assertThat(problem(dir, "redis: { url: 'redis:///0' }\n", env()).problem()).contains("has no host");
        assertThat(problem(dir, "redis: { url: 'redis://cache:6379/x' }\n", env()).problem())
                .contains("database that is not a number");
    }

    @Test
    void redisCredentialsAreRefusedInTheFileAndNeverQuoted() {
        ConfigProblem p = problem(dir, "redis: { url: 'redis://user:hunter2@cache:6379' }\n", env());

        assertThat(p.problem()).contains("credentials").doesNotContain("hunter2");
        assertThat(ConfigLoader.load(Optional.empty(), env("HOTLINE_REDIS_URL", "rediss://user:hunter2@cache:6380/1"))
                .redis().toString()).doesNotContain("hunter2");
    }

    @Test
    void durationThatDoesNotParseIsRefused() {
        ConfigProblem p = problem(dir, "redis: { timeout: soon }\n", env());

        assertThat(p.describe()).startsWith("redis.timeout: \"soon\" is not a duration; expected a positive duration");
    }

    @Test
    void durationWithoutUnitIsRefused() {
        assertThat(problem(dir, "dispatcher: { lease: 60 }\n", env()).problem()).contains("is not a duration");
    }

    @Test
    void durationThatIsNotPositiveIsRefused() {
        assertThat(problem(dir, "dispatcher: { pollInterval: 0s }\n", env()).problem()).contains("is not positive");
        assertThat(problem(dir, "dispatcher: { pollInterval: PT-1S }\n", env()).problem()).contains("is not positive");
    }

    @Test
    void reconnectMinLongerThanMaxIsRefused() {
        ConfigProblem p = problem(dir, "ami: { reconnectMin: 2m, reconnectMax: 30s }\n", env());

        assertThat(p.key()).isEqualTo("ami.reconnectMin");
        assertThat(p.problem()).contains("longer than ami.reconnectMax");
    }

    @Test
    void allowedClientThatIsNotAnIpOrCidrIsNamed() {
        ConfigProblem p = problem(dir, "agi: { allowedClients: [10.0.0.0/8, asterisk.local, '::1'] }\n", env());

        assertThat(p.key()).isEqualTo("agi.allowedClients");
        assertThat(p.problem()).contains("\"asterisk.local\"");
        assertThat(problem(dir, "agi: { allowedClients: [10.0.0.0/33] }\n", env()).problem()).contains("10.0.0.0/33");
        assertThat(problem(dir, "agi: { allowedClients: [300.1.1.1] }\n", env()).problem()).contains("300.1.1.1");
    }

    @Test
    void logFormatMustBeTextOrJson() {
        ConfigProblem p = problem(dir, "logging: { format: xml }\n", env());

        assertThat(p.key()).isEqualTo("logging.format");
        assertThat(p.expected()).isEqualTo("text | json");
    }

    @Test
    void dispatcherNeedsAtLeastOneWorker() {
        ConfigProblem p = problem(dir, "dispatcher: { workers: 0 }\n", env());

        assertThat(p.key()).isEqualTo("dispatcher.workers");
        assertThat(p.problem()).contains("out of range");
    }

    @Test
    void publicUrlMustBeAbsoluteHttp() {
        assertThat(problem(dir, "console: { publicUrl: /hotline }\n", env()).problem()).contains("not an http(s) URL");
        assertThat(problem(dir, "console: { publicUrl: 'ftp://x.example' }\n", env()).problem())
                .contains("not an http(s) URL");
        assertThat(problem(dir, "console: { publicUrl: 'https:///x' }\n", env()).problem()).contains("has no host");
    }

    @Test
    void emptyHostIsRefused() {
        ConfigProblem p = problem(dir, "ami: { host: '' }\n", env());

        assertThat(p.describe()).startsWith("ami.host: is empty; expected a host name or IP address");
        assertThat(problem(dir, "agi:\n  host:\n", env()).key()).isEqualTo("agi.host");
    }

    @Test
    void wrongBooleanIsRefused() {
        assertThat(problem(dir, "", env("HOTLINE_AMI_ENABLED", "maybe")).describe())
                .isEqualTo("ami.enabled: \"maybe\" is not a boolean; expected true or false (env HOTLINE_AMI_ENABLED)");
    }

    @Test
    void secretInTheFileIsRefusedWithTheVariableToUse() {
        ConfigProblem p = problem(dir, "ami:\n  secret: s3cr3t-value\n", env());

        assertThat(p.key()).isEqualTo("ami.secret");
        assertThat(p.describe()).contains("HOTLINE_AMI_SECRET").doesNotContain("s3cr3t-value");
        assertThat(problem(dir, "secrets: { pseudonymKey: abc }\n", env()).expected())
                .contains("HOTLINE_PSEUDONYM_KEY");
        assertThat(problem(dir, "secrets: { encryptionKey: abc }\n", env()).expected())
                .contains("HOTLINE_ENCRYPTION_KEY");
    }
}
