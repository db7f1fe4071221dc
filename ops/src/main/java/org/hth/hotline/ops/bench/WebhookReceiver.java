package org.hth.hotline.ops.bench;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;

/**
 * The local webhook receiver of {@code dispatch}: a Vert.x HTTP server on loopback, in its own Vert.x instance
 * (one event loop, apart from the dispatcher's and the baseline client's), that answers every POST 204 and
 * keeps what it received with the moment it arrived. The dispatcher and the baseline post to the same one.
 * Thread-safe: requests arrive on its event loop, the bench reads from its own thread.
 */
final class WebhookReceiver implements AutoCloseable {
    private final Vertx vertx;
    private final HttpServer server;
    private final List<ReceivedWebhook> received = new ArrayList<>();
    /**
     * How many webhooks {@link #awaitCount} waits for: the waiter is woken once, when the last arrives, not at
     * every arrival (which would take CPU from the side being measured).
     */
    private int awaited;

    private WebhookReceiver() {
        this.vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
        this.server = vertx.createHttpServer().requestHandler(this::accept);
    }

    /** Starts one, listening on a free loopback port. */
    static WebhookReceiver start() throws InterruptedException {
        WebhookReceiver receiver = new WebhookReceiver();
        VertxAwait.result("the webhook receiver's start", receiver.server.listen(0, "127.0.0.1"));
        return receiver;
    }

    private void accept(HttpServerRequest request) {
        request.body().onSuccess(body -> {
            long arrived = System.nanoTime();
            ReceivedWebhook webhook = new ReceivedWebhook(request.path(), request.getHeader("webhook-id"),
                    request.getHeader("webhook-timestamp"), request.getHeader("webhook-signature"),
                    body.toString(), arrived);
            request.response().setStatusCode(204).end();
            synchronized (this) {
                received.add(webhook);
                if (received.size() == awaited) {
                    notifyAll();
                }
            }
        });
    }

    /** The URL of a destination's path on this receiver. */
    URI url(String destinationId) {
        return URI.create("http://127.0.0.1:" + server.actualPort() + "/" + destinationId);
    }

    /** Everything received since the last {@link #clear}, in order of arrival. */
    synchronized List<ReceivedWebhook> received() {
        return List.copyOf(received);
    }

    synchronized void clear() {
        received.clear();
    }

    /** Waits until at least {@code count} webhooks have arrived since the last {@link #clear}. */
    synchronized void awaitCount(int count, Duration limit) throws InterruptedException, TimeoutException {
        long deadline = System.nanoTime() + limit.toNanos();
        awaited = count;
        while (received.size() < count) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new TimeoutException("the receiver got " + received.size() + " of " + count + " webhooks in "
                        + limit);
            }
            wait(Math.max(1, left / 1_000_000));
        }
    }

    @Override
    public void close() {
        VertxAwait.closing("closing the webhook receiver", vertx.close());
    }
}
