package org.hth.hotline.console.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import io.vertx.core.json.JsonObject;

/**
 * A hand-rolled browser for one user: keeps the session cookie and the CSRF token the login returned, and
 * sends them back the way the web app does. Not thread-safe.
 */
public final class Browser {
    private final ApiServer server;
    private final HttpClient http;
    private Optional<String> cookie = Optional.empty();
    private Optional<String> csrf = Optional.empty();

    Browser(ApiServer server, HttpClient http) {
        this.server = server;
        this.http = http;
    }

    public Answer login(String username, String password) {
        Answer answer = send("POST", "/api/session",
                new JsonObject().put("username", username).put("password", password).encode(), Optional.empty());
        answer.setCookie().ifPresent(c -> cookie = Optional.of(c.substring(0, c.indexOf(';'))));
        if (answer.status() == 200) {
            csrf = Optional.of(answer.json().getString("csrfToken"));
        }
        return answer;
    }

    public Answer get(String path) {
        return send("GET", path, null, csrf);
    }

    public Answer put(String path, JsonObject body) {
        return send("PUT", path, body.encode(), csrf);
    }

    public Answer patch(String path, String body) {
        return send("PATCH", path, body, csrf);
    }

    public Answer delete(String path) {
        return send("DELETE", path, null, csrf);
    }

    /** Sends with the given CSRF header (or none), whatever the login returned. */
    public Answer send(String method, String path, String body, Optional<String> csrfHeader) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.url(path)))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        cookie.ifPresent(c -> request.header("Cookie", c));
        csrfHeader.ifPresent(t -> request.header("X-CSRF-Token", t));
        try {
            return new Answer(http.send(request.build(), HttpResponse.BodyHandlers.ofString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Opens the live-events socket with this browser's cookie and the given Origin. */
    public CompletableFuture<WebSocket> events(String origin, WebSocket.Listener listener) {
        WebSocket.Builder builder = http.newWebSocketBuilder().header("Origin", origin);
        cookie.ifPresent(c -> builder.header("Cookie", c));
        return builder.buildAsync(URI.create(server.url("/api/events").replaceFirst("^http", "ws")), listener);
    }

    /** Another browser holding just this cookie (no CSRF token). */
    public Browser withCookie(String sessionCookie) {
        Browser other = new Browser(server, http);
        other.cookie = Optional.of(sessionCookie);
        return other;
    }

    public Optional<String> csrfToken() {
        return csrf;
    }

    public Optional<String> cookie() {
        return cookie;
    }

    /** One HTTP answer. */
    public record Answer(HttpResponse<String> response) {
        public int status() {
            return response.statusCode();
        }

        public String body() {
            return response.body();
        }

        public JsonObject json() {
            return new JsonObject(response.body());
        }

        public Optional<String> setCookie() {
            return response.headers().firstValue("Set-Cookie");
        }

        public Answer assertStatus(int expected) {
            assertThat(status()).as("status of %s %s: %s", response.request().method(), response.uri(), body())
                    .isEqualTo(expected);
            return this;
        }

        public String error() {
            return json().getString("error");
        }
    }
}
