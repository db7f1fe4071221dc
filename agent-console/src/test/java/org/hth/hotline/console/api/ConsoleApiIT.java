package org.hth.hotline.console.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.hth.hotline.console.RouteMount;
import org.hth.hotline.console.testing.ApiServer;
import org.hth.hotline.core.config.ConsoleConfig;
import org.hth.hotline.core.user.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConsoleApiIT {
    private static final ConsoleConfig PLAIN = new ConsoleConfig("127.0.0.1", 0, ApiServer.PUBLIC_URL);
    private static final RouteMount REFERRAL_STATUS = router -> router.post("/api/referrals/:id/status")
            .handler(ctx -> ctx.response().end("{\"checkedBySignature\":true}"));

    @TempDir
    Path dir;

    @Test
    void aSignedDestinationPathPassesWithoutSessionOrCsrfToken() throws Exception {
        try (ApiServer server = new ApiServer(dir, PLAIN,
                api -> api.withSignedPaths("/api/referrals/[^/]+/status"), List.of(REFERRAL_STATUS))) {
            var answer = server.anonymous().send("POST", "/api/referrals/01JD3Q/status", "{\"status\":\"ACCEPTED\"}",
                    Optional.empty()).assertStatus(200);

            assertThat(answer.body()).contains("checkedBySignature");
            server.anonymous().send("POST", "/api/referrals/01JD3Q/other", "{}", Optional.empty()).assertStatus(401);
        }
    }

    @Test
    void routesAddedLaterSitBehindSessionCsrfAndRoles() throws Exception {
        ApiRoutes echo = api -> api.post("/api/echo", ctx -> Responses.json(ctx, 200,
                JsonBody.read(ctx, java.util.Set.of("text"))), Role.OPERATOR);
        try (ApiServer server = new ApiServer(dir, PLAIN, api -> api.withRoutes(echo), List.of())) {
            server.anonymous().send("POST", "/api/echo", "{\"text\":\"hi\"}", Optional.empty()).assertStatus(401);
            var anna = server.loggedIn("anna");
            anna.send("POST", "/api/echo", "{\"text\":\"hi\"}", Optional.empty()).assertStatus(403);
            anna.send("POST", "/api/echo", "{\"text\":\"hi\"}", anna.csrfToken()).assertStatus(200);
            var carla = server.loggedIn("carla");
            carla.send("POST", "/api/echo", "{\"text\":\"hi\"}", carla.csrfToken()).assertStatus(403);
        }
    }

    @Test
    void servesHttpsFromPemFilesWithSecureCookies() throws Exception {
        Path cert = dir.resolve("cert.pem");
        Path key = dir.resolve("key.pem");
        assumeTrue(selfSigned(cert, key), "openssl is needed to make a test certificate");
        ConsoleConfig tls = new ConsoleConfig("127.0.0.1", 0, "https://localhost", Duration.ofMinutes(30),
                Duration.ofHours(12), 5, Duration.ofMinutes(15), Optional.of(cert), Optional.of(key));
        try (ApiServer server = new ApiServer(dir.resolve("store"), tls)) {
            assertThat(server.url("/")).startsWith("https://");
            String cookie = server.anonymous().login("anna", ApiServer.PASSWORD).assertStatus(200).setCookie()
                    .orElseThrow();

            assertThat(cookie).startsWith("__Host-").contains("Secure");
        }
    }

    private static boolean selfSigned(Path cert, Path key) throws Exception {
        try {
            Process p = new ProcessBuilder("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout",
                    key.toString(), "-out", cert.toString(), "-days", "1", "-subj", "/CN=localhost",
                    "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0 && Files.size(cert) > 0;
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
