package org.hth.hotline.dispatcher.webhook;

import java.time.Instant;

import io.vertx.core.json.JsonObject;
import org.hth.hotline.core.outbox.OutboxEntry;

/**
 * The JSON body of one delivery: {@code {"type": …, "timestamp": …, "data": {…, "statusUrl": …}}}, the
 * data being the entry's frozen payload (already limited to the destination's fields) plus the URL the
 * destination answers at. Immutable and thread-safe.
 */
public final class WebhookBody {
    private final String publicUrl;

    /** @param publicUrl the console's public URL, e.g. {@code https://hotline.example} */
    public WebhookBody(String publicUrl) {
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    /** The body; its {@code timestamp} is when the entry was written, so every retry sends the same bytes. */
    public String of(OutboxEntry entry) {
        Instant timestamp = entry.createdAt();
        JsonObject data = new JsonObject(entry.payload());
        data.put("statusUrl", statusUrl(entry.ticketId()));
        return new JsonObject().put("type", entry.eventType()).put("timestamp", timestamp.toString())
                .put("data", data).encode();
    }

    public String statusUrl(String ticketId) {
        return publicUrl + "/api/referrals/" + ticketId + "/status";
    }
}
