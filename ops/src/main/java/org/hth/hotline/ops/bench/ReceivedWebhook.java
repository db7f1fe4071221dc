package org.hth.hotline.ops.bench;

import io.vertx.core.json.JsonObject;

/**
 * One webhook as the bench's receiver got it: enough to post the same request again (the baseline) and to
 * time it. Immutable.
 *
 * @param path        e.g. {@code /uor}
 * @param id          the {@code webhook-id} header
 * @param timestamp   the {@code webhook-timestamp} header
 * @param signature   the {@code webhook-signature} header
 * @param body        the JSON body
 * @param arrivedNanos {@link System#nanoTime()} when its body had arrived
 */
record ReceivedWebhook(String path, String id, String timestamp, String signature, String body, long arrivedNanos) {

    /** The ticket id the body carries ({@code data.ticket}). */
    String ticketId() {
        return new JsonObject(body).getJsonObject("data").getString("ticket");
    }
}
