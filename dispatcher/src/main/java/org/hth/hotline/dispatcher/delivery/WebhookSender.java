package org.hth.hotline.dispatcher.delivery;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.WebClient;
import org.hth.hotline.core.destination.Destination;
import org.hth.hotline.core.outbox.OutboxEntry;
import org.hth.hotline.dispatcher.webhook.WebhookBody;
import org.hth.hotline.dispatcher.webhook.WebhookHeaders;
import org.hth.hotline.dispatcher.webhook.WebhookSigner;

/**
 * Sends one entry to its destination with the Vert.x WebClient: the Standard Webhooks headers
 * ({@code webhook-id} = the entry id, the same on every attempt; a fresh timestamp and signature), the
 * connect timeout, an idle timeout and a total timeout over the whole exchange. Never fails its future:
 * a failure is an {@link Attempt} without status. Runs on the event loop; thread-safe.
 */
public final class WebhookSender {
    private final WebClient client;
    private final WebhookBody body;
    private final WebhookSigner signer = new WebhookSigner();
    private final Clock clock;
    private final long connectMillis;
    private final long totalMillis;

    public WebhookSender(WebClient client, WebhookBody body, Clock clock, long connectMillis, long totalMillis) {
        this.client = client;
        this.body = body;
        this.clock = clock;
        this.connectMillis = connectMillis;
        this.totalMillis = totalMillis;
    }

    public Future<Attempt> send(Destination destination, OutboxEntry entry) {
        Instant at = clock.instant();
        long started = System.nanoTime();
        byte[] json = body.of(entry).getBytes(StandardCharsets.UTF_8);
        long timestamp = at.getEpochSecond();
        String signature = signer.header(destination.secrets().orElseThrow().activeAt(at), entry.id(), timestamp, json);
        return client.postAbs(destination.url().orElseThrow().toString())
                .connectTimeout(connectMillis)
                .idleTimeout(totalMillis)
                .putHeader("content-type", "application/json")
                .putHeader(WebhookHeaders.ID, entry.id())
                .putHeader(WebhookHeaders.TIMESTAMP, Long.toString(timestamp))
                .putHeader(WebhookHeaders.SIGNATURE, signature)
                .sendBuffer(Buffer.buffer(json))
                .timeout(totalMillis, TimeUnit.MILLISECONDS)
                .map(response -> new Attempt(at, OptionalInt.of(response.statusCode()),
                        Optional.ofNullable(response.getHeader("Retry-After")), elapsed(started), Optional.empty()))
                .otherwise(failure -> new Attempt(at, OptionalInt.empty(), Optional.empty(), elapsed(started),
                        Optional.of(describe(failure))));
    }

    private static long elapsed(long started) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
    }

    private static String describe(Throwable failure) {
        String name = failure.getClass().getSimpleName();
        String message = failure.getMessage();
        return message == null ? name : name + ": " + message;
    }
}
