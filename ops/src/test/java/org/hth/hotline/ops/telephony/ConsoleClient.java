package org.hth.hotline.ops.telephony;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.vertx.core.json.JsonObject;

/**
 * The console's JSON API as the web app uses it, for one user: logs in, keeps the session cookie and the CSRF
 * token, and remembers every answer's body (so a test can look for what must never be in one). Not thread-safe.
 */
final class ConsoleClient {
    private final HttpClient http = HttpClient.newHttpClient();
    private final int port;
    private final List<String> bodies = new ArrayList<>();
    private Optional<String> cookie = Optional.empty();
    private Optional<String> csrf = Optional.empty();

    private ConsoleClient(int port) {
        this.port = port;
    }

    /** A client logged in as {@code user}; fails unless the login answers 200. */
    static ConsoleClient loggedIn(int port, String user, String password) {
        ConsoleClient client = new ConsoleClient(port);
        HttpResponse<String> answer = client.send("POST", "/api/session",
                new JsonObject().put("username", user).put("password", password).encode());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("login of " + user + ": " + answer.statusCode() + " " + answer.body());
        }
        String setCookie = answer.headers().firstValue("Set-Cookie").orElseThrow();
        client.cookie = Optional.of(setCookie.substring(0, setCookie.indexOf(';')));
        client.csrf = Optional.of(new JsonObject(answer.body()).getString("csrfToken"));
        return client;
    }

    HttpResponse<String> get(String path) {
        return send("GET", path, null);
    }

    HttpResponse<String> post(String path, String body) {
        return send("POST", path, body);
    }

    /** Every body answered so far. */
    List<String> bodies() {
        return List.copyOf(bodies);
    }

    private HttpResponse<String> send(String method, String path, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        cookie.ifPresent(c -> request.header("Cookie", c));
        csrf.ifPresent(t -> request.header("X-CSRF-Token", t));
        try {
            HttpResponse<String> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            bodies.add(answer.body());
            return answer;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
