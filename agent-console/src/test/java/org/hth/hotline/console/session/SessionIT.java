package org.hth.hotline.console.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import io.vertx.core.json.JsonObject;

import org.hth.hotline.console.testing.ApiServer;
import org.hth.hotline.console.testing.Browser;
import org.hth.hotline.console.testing.Browser.Answer;
import org.hth.hotline.core.audit.AuditEntry;
import org.hth.hotline.core.audit.AuditQuery;
import org.hth.hotline.core.config.ConsoleConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SessionIT {
    @TempDir
    Path dir;
    ApiServer server;

    @BeforeEach
    void start() throws Exception {
        server = new ApiServer(dir);
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    @Test
    void loginSetsTheCookieAndAnswersTheCsrfTokenAndTheUser() {
        Answer answer = server.anonymous().login("anna", ApiServer.PASSWORD).assertStatus(200);

        assertThat(answer.json().getString("csrfToken")).hasSize(43);
        assertThat(answer.json().getJsonObject("user")).isEqualTo(new JsonObject().put("username", "anna")
                .put("roles", new io.vertx.core.json.JsonArray().add("operator")).put("operatorId", "op-anna"));
        assertThat(answer.body()).doesNotContain(ApiServer.PASSWORD);
    }

    @Test
    void sessionCookieIsHttpOnlySameSiteStrictOnTheWholeSiteAndNotSecureOverPlainHttp() {
        String cookie = server.anonymous().login("anna", ApiServer.PASSWORD).setCookie().orElseThrow();

        assertThat(cookie).startsWith("hotline-session=").containsIgnoringCase("HttpOnly").contains("SameSite=Strict")
                .contains("Path=/").doesNotContain("Secure").doesNotContain("Domain").doesNotContain("Max-Age");
    }

    @Test
    void sessionCookieIsSecureWithTheHostPrefixWhenThePublicUrlIsHttps(@TempDir Path other) throws Exception {
        try (ApiServer https = new ApiServer(other, new ConsoleConfig("127.0.0.1", 0, "https://hotline.example"))) {
            String cookie = https.anonymous().login("anna", ApiServer.PASSWORD).setCookie().orElseThrow();

            assertThat(cookie).startsWith("__Host-hotline-session=").contains("Secure").containsIgnoringCase("HttpOnly")
                    .contains("SameSite=Strict").contains("Path=/");
        }
    }

    @Test
    void wrongPasswordAndUnknownUserGetTheSameAnswer() {
        Answer wrong = server.anonymous().login("anna", "not her password").assertStatus(401);
        Answer unknown = server.anonymous().login("nobody", "whatever").assertStatus(401);

        assertThat(wrong.body()).isEqualTo(unknown.body());
        assertThat(wrong.setCookie()).isEmpty();
        assertThat(unknown.error()).isEqualTo("LOGIN_FAILED");
    }

    @Test
    void loginIsAuditedWithoutThePassword() {
        server.anonymous().login("anna", "Wrong-Secret-123");
        server.anonymous().login("anna", ApiServer.PASSWORD);

        var entries = server.store.audit().query(new AuditQuery(Optional.empty(), Optional.empty(),
                Optional.of("anna"), 10));
        assertThat(entries).extracting(AuditEntry::action).containsExactly("login.success", "login.failure");
        assertThat(entries).allSatisfy(e -> assertThat(e.toString()).doesNotContain("Wrong-Secret-123")
                .doesNotContain(ApiServer.PASSWORD));
    }

    @Test
    void fiveFailuresLockTheNameOutEvenWithTheRightPasswordUntilTheWindowPasses() {
        for (int i = 0; i < 5; i++) {
            server.anonymous().login("anna", "guess " + i).assertStatus(401);
        }

        Answer locked = server.anonymous().login("anna", ApiServer.PASSWORD).assertStatus(429);
        assertThat(locked.error()).isEqualTo("LOCKED_OUT");
        assertThat(locked.response().headers().firstValue("Retry-After")).isPresent();

        server.clock.advance(Duration.ofMinutes(15));
        server.anonymous().login("anna", ApiServer.PASSWORD).assertStatus(200);
    }

    @Test
    void anUnknownNameIsLockedOutLikeAKnownOne() {
        for (int i = 0; i < 5; i++) {
            server.anonymous().login("nobody", "guess " + i).assertStatus(401);
        }
        Answer unknown = server.anonymous().login("nobody", "guess").assertStatus(429);
        for (int i = 0; i < 5; i++) {
            server.anonymous().login("luca", "guess " + i).assertStatus(401);
        }
        Answer known = server.anonymous().login("luca", "guess").assertStatus(429);

        assertThat(unknown.body()).isEqualTo(known.body());
    }

    @Test
    void behindTheLocalProxyTheForwardedAddressIsLockedOutNotEveryone() {
        for (int i = 0; i < 20; i++) {
            loginFrom("203.0.113.9", "user" + i).assertStatus(401);
        }

        loginFrom("203.0.113.9", "anna").assertStatus(429);
        loginFrom("198.51.100.7", "anna").assertStatus(401);
    }

    private Answer loginFrom(String forwardedFor, String username) {
        try {
            var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(server.url("/api/session")))
                    .header("Content-Type", "application/json").header("X-Forwarded-For", "10.9.9.9, " + forwardedFor)
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(new JsonObject()
                            .put("username", username).put("password", "wrong").encode())).build();
            return new Answer(java.net.http.HttpClient.newHttpClient().send(request,
                    java.net.http.HttpResponse.BodyHandlers.ofString()));
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void anonymousRequestsGet401() {
        Answer answer = server.anonymous().get("/api/me").assertStatus(401);

        assertThat(answer.error()).isEqualTo("UNAUTHENTICATED");
        server.anonymous().get("/api/calls").assertStatus(401);
        server.anonymous().get("/api/no-such-thing").assertStatus(401);
    }

    @Test
    void healthStaysOutsideTheSessionChecks() {
        assertThat(server.anonymous().get("/health/live").assertStatus(200).body()).isEqualTo("UP");
    }

    @Test
    void meAnswersWhoIsLoggedIn() {
        JsonObject me = server.loggedIn("carla").get("/api/me").assertStatus(200).json();

        assertThat(me.getString("username")).isEqualTo("carla");
        assertThat(me.getJsonArray("roles")).containsExactly("coordinator");
    }

    @Test
    void apiAnswersAreNotCachedNorSniffed() {
        var headers = server.loggedIn("carla").get("/api/me").response().headers();

        assertThat(headers.firstValue("Cache-Control")).contains("no-store");
        assertThat(headers.firstValue("X-Content-Type-Options")).contains("nosniff");
    }

    @Test
    void stateChangingRequestWithoutCsrfTokenIs403() {
        Browser anna = server.loggedIn("anna");

        Answer answer = anna.send("PUT", "/api/me/presence", "{\"state\":\"AVAILABLE\"}", Optional.empty())
                .assertStatus(403);
        assertThat(answer.error()).isEqualTo("CSRF");
    }

    @Test
    void stateChangingRequestWithAWrongCsrfTokenIs403() {
        Browser anna = server.loggedIn("anna");
        Browser luca = server.loggedIn("luca");

        anna.send("PUT", "/api/me/presence", "{\"state\":\"AVAILABLE\"}", luca.csrfToken()).assertStatus(403);
    }

    @Test
    void stateChangingRequestWithTheRightCsrfTokenPasses() {
        server.loggedIn("anna").put("/api/me/presence", new JsonObject().put("state", "AVAILABLE"))
                .assertStatus(200);
    }

    @Test
    void logoutEndsTheSessionAndClearsTheCookie() {
        Browser anna = server.loggedIn("anna");

        Answer out = anna.delete("/api/session").assertStatus(204);

        assertThat(out.setCookie()).hasValueSatisfying(c -> assertThat(c).contains("Max-Age=0"));
        anna.get("/api/me").assertStatus(401);
    }

    @Test
    void logoutNeedsTheCsrfToken() {
        Browser anna = server.loggedIn("anna");

        anna.send("DELETE", "/api/session", null, Optional.empty()).assertStatus(403);
        anna.get("/api/me").assertStatus(200);
    }

    @Test
    void aNewLoginRotatesTheSessionIdAndEndsTheOldOne() {
        Browser anna = server.loggedIn("anna");
        String first = anna.cookie().orElseThrow();

        anna.login("anna", ApiServer.PASSWORD).assertStatus(200);

        assertThat(anna.cookie().orElseThrow()).isNotEqualTo(first);
        server.anonymous().withCookie(first).get("/api/me").assertStatus(401);
        anna.get("/api/me").assertStatus(200);
    }

    @Test
    void sessionExpiresAfterTheIdleTimeout() {
        Browser anna = server.loggedIn("anna");
        server.clock.advance(Duration.ofMinutes(29));
        anna.get("/api/me").assertStatus(200);

        server.clock.advance(Duration.ofMinutes(30));

        anna.get("/api/me").assertStatus(401);
    }

    @Test
    void sessionExpiresAtTheMaximumAgeEvenWhenActive() {
        Browser anna = server.loggedIn("anna");
        for (int i = 0; i < 35; i++) {
            server.clock.advance(Duration.ofMinutes(20));
            anna.get("/api/me").assertStatus(200);
        }

        server.clock.advance(Duration.ofMinutes(20));

        anna.get("/api/me").assertStatus(401);
    }

    @Test
    void operatorGets403OnACoordinatorEndpoint() {
        Answer answer = server.loggedIn("anna").get("/api/calls").assertStatus(403);

        assertThat(answer.error()).isEqualTo("FORBIDDEN");
    }

    @Test
    void onlyAdminsReadTheAuditLog() {
        server.loggedIn("carla").get("/api/audit").assertStatus(403);

        JsonObject audit = server.loggedIn("adam").get("/api/audit?user=carla").assertStatus(200).json();
        assertThat(audit.getJsonArray("items")).isNotEmpty();
    }

    @Test
    void loginRefusesUnknownFieldsAndNonJson() {
        Browser b = server.anonymous();
        Answer extra = b.send("POST", "/api/session",
                "{\"username\":\"anna\",\"password\":\"x\",\"admin\":true}", Optional.empty()).assertStatus(400);
        assertThat(extra.json().getJsonObject("fields").getString("admin")).isEqualTo("unknown field");

        b.send("POST", "/api/session", "[1]", Optional.empty()).assertStatus(400);
        b.send("POST", "/api/session", "{\"username\":\"anna\"}", Optional.empty()).assertStatus(400);
    }
}
