package org.hth.hotline.ops.bench;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.TimeoutException;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;

/**
 * The baseline of {@code dispatch}: the Vert.x WebClient, in its own Vert.x instance (one event loop), posting
 * the very requests the dispatcher sent (same paths, headers and bodies) straight to the same receiver, with as
 * many requests in flight as the dispatcher has workers. Blocking methods; call from the bench's thread.
 */
final class BaselinePoster implements AutoCloseable {
    private static final Duration LIMIT = Duration.ofSeconds(60);
    private final Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
    private final WebClient client = WebClient.create(vertx, new WebClientOptions().setUserAgent("hotline-bench"));
    private final WebhookReceiver receiver;
    private final int inFlight;

    BaselinePoster(WebhookReceiver receiver, int inFlight) {
        this.receiver = receiver;
        this.inFlight = inFlight;
    }

    /** Posts every ticket's webhooks, {@code inFlight} at a time; tickets per second, first post to last arrival. */
    double throughput(List<List<ReceivedWebhook>> tickets) throws InterruptedException, TimeoutException {
        List<ReceivedWebhook> all = tickets.stream().flatMap(List::stream).toList();
        receiver.clear();
        long start = System.nanoTime();
        VertxAwait.result("the baseline's posts", postAll(all, inFlight));
        receiver.awaitCount(all.size(), LIMIT);
        long last = receiver.received().stream().mapToLong(ReceivedWebhook::arrivedNanos).max().orElseThrow();
        return tickets.size() / ((last - start) / 1e9);
    }

    /** One ticket at a time (its webhooks together): nanoseconds from the first post to the last arrival. */
    long[] oneAtATime(List<List<ReceivedWebhook>> tickets) throws InterruptedException, TimeoutException {
        long[] latencies = new long[tickets.size()];
        for (int i = 0; i < tickets.size(); i++) {
            List<ReceivedWebhook> ticket = tickets.get(i);
            receiver.clear();
            long start = System.nanoTime();
            VertxAwait.result("the baseline's posts", postAll(ticket, ticket.size()));
            receiver.awaitCount(ticket.size(), LIMIT);
            long last = receiver.received().stream().mapToLong(ReceivedWebhook::arrivedNanos).max().orElseThrow();
            latencies[i] = last - start;
        }
        return latencies;
    }

    /** Posts in {@code lanes} lanes on the client's event loop, each taking the next request when one is done. */
    private Future<Void> postAll(List<ReceivedWebhook> requests, int lanes) {
        Promise<Void> done = Promise.promise();
        AtomicInteger next = new AtomicInteger();
        AtomicInteger open = new AtomicInteger(Math.min(lanes, requests.size()));
        if (open.get() == 0) {
            return Future.succeededFuture();
        }
        vertx.runOnContext(v -> {
            for (int lane = 0; lane < Math.min(lanes, requests.size()); lane++) {
                lane(requests, next, open, done);
            }
        });
        return done.future();
    }

    private void lane(List<ReceivedWebhook> requests, AtomicInteger next, AtomicInteger open, Promise<Void> done) {
        int i = next.getAndIncrement();
        if (i >= requests.size()) {
            if (open.decrementAndGet() == 0) {
                done.tryComplete();
            }
            return;
        }
        ReceivedWebhook webhook = requests.get(i);
        client.postAbs(receiver.url(webhook.path().substring(1)).toString())
                .putHeader("content-type", "application/json")
                .putHeader("webhook-id", webhook.id())
                .putHeader("webhook-timestamp", webhook.timestamp())
                .putHeader("webhook-signature", webhook.signature())
                .sendBuffer(Buffer.buffer(webhook.body()))
                .onSuccess(response -> lane(requests, next, open, done))
                .onFailure(done::tryFail);
    }

    @Override
    public void close() {
        client.close();
        VertxAwait.closing("closing the baseline's Vert.x", vertx.close());
    }
}
