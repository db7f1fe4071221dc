package org.hth.hotline.dispatcher.webhook;

import io.vertx.core.json.Json;
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

    /**
     * The body; its {@code timestamp} is when the entry was written, so every retry sends the same bytes.
     * The payload (a JSON object, as written) is spliced in as it is, with {@code statusUrl} added as its
     * last member, rather than parsed and encoded again for every request.
     */
    public String of(OutboxEntry entry) {
        String payload = entry.payload().strip();
        if (payload.length() < 2 || payload.charAt(0) != '{' || payload.charAt(payload.length() - 1) != '}') {
            throw new IllegalArgumentException("the payload of outbox entry " + entry.id() + " is not a JSON object");
        }
        String members = payload.substring(1, payload.length() - 1).strip();
        StringBuilder body = new StringBuilder(payload.length() + 160)
                .append("{\"type\":").append(quoted(entry.eventType()))
                .append(",\"timestamp\":").append(quoted(entry.createdAt().toString()))
                .append(",\"data\":{").append(members);
        if (!members.isEmpty()) {
            body.append(',');
        }
        return body.append("\"statusUrl\":").append(quoted(statusUrl(entry.ticketId()))).append("}}").toString();
    }

    private static String quoted(String text) {
        return Json.encode(text);
    }

    public String statusUrl(String ticketId) {
        return publicUrl + "/api/referrals/" + ticketId + "/status";
    }
}
