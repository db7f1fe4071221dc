package org.hth.hotline.ops.bench;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import org.hth.hotline.console.auth.PasswordHasher;
import org.hth.hotline.core.live.LiveEvent;
import org.hth.hotline.core.live.LiveEvents;
import org.hth.hotline.core.user.Role;
import org.hth.hotline.core.user.User;
import org.hth.hotline.ops.serve.RunningServer;

/**
 * The clients of {@code fanout}: a coordinator account added to the server's store, and WebSocket clients on
 * {@code /api/events}, each with a session of its own ({@code POST /api/session}), in their own Vert.x
 * instance. {@link #probe} publishes one event in-process and returns, for every client, the nanoseconds from
 * just before the publish to its arrival. Probes run one at a time from the bench's thread; the clients record
 * arrivals on their event loops. Close it to disconnect.
 */
final class FanoutClients implements AutoCloseable {
    private static final String USER = "bench-coordinator";
    private static final Duration LIMIT = Duration.ofSeconds(30);
    private final Vertx vertx = Vertx.vertx();
    private final WebClient http = WebClient.create(vertx);
    private final WebSocketClient ws = vertx.createWebSocketClient(new WebSocketClientOptions()
            .setMaxConnections(FanoutScenario.CLIENTS * 2));
    private final List<WebSocket> sockets = new ArrayList<>();
    private final LiveEvents live;
    private final int port;
    private final String password;
    private final Object lock = new Object();
    private final AtomicInteger arrived = new AtomicInteger();
    private volatile long sequence;
    private volatile long publishedAt;
    private long[] samples = new long[0];

    private FanoutClients(LiveEvents live, int port, String password) {
        this.live = live;
        this.port = port;
        this.password = password;
    }

    /** Adds the coordinator (a cheap password hash: logins are not what is measured) and connects no client. */
    static FanoutClients on(RunningServer server, int port) {
        String password = "bench-" + new SecureRandom().nextLong();
        String hash = new PasswordHasher(1024, 1, 1, new SecureRandom()).hash(password.toCharArray());
        server.store().users().create(new User(USER, hash, Set.of(Role.COORDINATOR), Optional.empty(),
                Instant.now(), false));
        return new FanoutClients(server.liveEvents(), port, password);
    }

    /** Logs in and connects until {@code count} clients are connected. */
    void connect(int count) throws InterruptedException {
        while (sockets.size() < count) {
            HttpResponse<?> login = VertxAwait.result("login", http.post(port, "127.0.0.1", "/api/session")
                    .sendJsonObject(new JsonObject().put("username", USER).put("password", password)));
            String setCookie = login.getHeader("Set-Cookie");
            if (login.statusCode() != 200 || setCookie == null) {
                throw new IllegalStateException("login answered " + login.statusCode() + ": " + login.bodyAsString());
            }
            WebSocketConnectOptions options = new WebSocketConnectOptions().setHost("127.0.0.1").setPort(port)
                    .setURI("/api/events").addHeader("Cookie", setCookie.substring(0, setCookie.indexOf(';')))
                    .addHeader("Origin", "http://127.0.0.1:" + port);
            WebSocket socket = VertxAwait.result("WebSocket connect of client " + (sockets.size() + 1),
                    ws.connect(options));
            socket.textMessageHandler(this::onMessage);
            sockets.add(socket);
        }
    }

    private void onMessage(String text) {
        long now = System.nanoTime();
        JsonObject event = new JsonObject(text);
        JsonObject data = event.getJsonObject("data");
        if (!"delivery.bench".equals(event.getString("type")) || data == null
                || data.getLong("seq", -1L) != sequence) {
            return;
        }
        int i = arrived.getAndIncrement();
        synchronized (lock) {
            if (i < samples.length) {
                samples[i] = now - publishedAt;
            }
            lock.notifyAll();
        }
    }

    /** Publishes one event; waits until the first {@code clients} clients have it; their latencies, in ns. */
    long[] probe(int clients) throws InterruptedException, TimeoutException {
        synchronized (lock) {
            samples = new long[clients];
            arrived.set(0);
            sequence++;
        }
        long seq = sequence;
        publishedAt = System.nanoTime();
        live.publish(new LiveEvent("delivery.bench", Instant.now(), Map.of("seq", seq)));
        long deadline = System.nanoTime() + LIMIT.toNanos();
        synchronized (lock) {
            while (arrived.get() < clients) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new TimeoutException(arrived.get() + " of " + clients + " clients got event " + seq);
                }
                lock.wait(Math.max(1, left / 1_000_000));
            }
            return samples.clone();
        }
    }

    /** Closes every client but the first {@code keep}. */
    void keep(int keep) throws InterruptedException {
        while (sockets.size() > keep) {
            VertxAwait.result("WebSocket close", sockets.remove(sockets.size() - 1).close());
        }
    }

    @Override
    public void close() {
        VertxAwait.closing("closing the clients' Vert.x", vertx.close());
    }
}
