package org.hth.hotline.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hth.hotline.core.config.ConfigFixture.env;
import static org.hth.hotline.core.config.ConfigFixture.problem;
import static org.hth.hotline.core.config.ConfigFixture.write;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConsoleSecurityConfigTest {
    @TempDir
    Path dir;

    @Test
    void sessionAndLoginDefaultsAreTheDocumentedOnes() {
        ConsoleConfig console = ConfigLoader.load(Optional.empty(), env()).console();

        assertThat(console.sessionIdleTimeout()).isEqualTo(Duration.ofMinutes(30));
        assertThat(console.sessionMaxAge()).isEqualTo(Duration.ofHours(12));
        assertThat(console.loginMaxFailures()).isEqualTo(5);
        assertThat(console.loginLockout()).isEqualTo(Duration.ofMinutes(15));
        assertThat(console.tls()).isFalse();
    }

    @Test
    void idleTimeoutLongerThanTheMaximumAgeIsRefused() {
        ConfigProblem p = problem(dir, "console: { sessionIdleTimeout: 13h }\n", env());

        assertThat(p.key()).isEqualTo("console.sessionIdleTimeout");
        assertThat(p.problem()).contains("longer than console.sessionMaxAge");
    }

    @Test
    void loginMaxFailuresMustBePositive() {
        assertThat(problem(dir, "", env("HOTLINE_CONSOLE_LOGIN_MAX_FAILURES", "0")).key())
                .isEqualTo("console.loginMaxFailures");
    }

    @Test
    void aCertificateWithoutItsKeyIsRefused() {
        Path cert = write(dir.resolve("cert.pem"), "-----BEGIN CERTIFICATE-----\n");

        ConfigProblem p = problem(dir, "console: { tlsCertFile: " + cert + " }\n", env());

        assertThat(p.key()).isEqualTo("console.tlsKeyFile");
        assertThat(p.problem()).contains("other TLS file");
    }

    @Test
    void aTlsFileThatCannotBeReadIsRefused() {
        Path key = write(dir.resolve("key.pem"), "-----BEGIN PRIVATE KEY-----\n");

        ConfigProblem p = problem(dir, "console: { tlsCertFile: " + dir.resolve("missing.pem") + ", tlsKeyFile: "
                + key + " }\n", env());

        assertThat(p.key()).isEqualTo("console.tlsCertFile");
        assertThat(p.problem()).contains("not a readable file");
    }

    @Test
    void bothTlsFilesTurnTlsOn() {
        Path cert = write(dir.resolve("cert.pem"), "c");
        Path key = write(dir.resolve("key.pem"), "k");

        ConsoleConfig console = ConfigFixture.load(dir, "console: { tlsCertFile: " + cert + ", tlsKeyFile: " + key
                + " }\n", env()).console();

        assertThat(console.tls()).isTrue();
        assertThat(console.tlsCertFile()).contains(cert);
    }
}
