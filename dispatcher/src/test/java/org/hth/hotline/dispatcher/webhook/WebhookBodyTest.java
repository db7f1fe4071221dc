package org.hth.hotline.dispatcher.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import io.vertx.core.json.JsonObject;
import org.hth.hotline.core.outbox.OutboxEntry;
import org.junit.jupiter.api.Test;

class WebhookBodyTest {
    private static final Instant AT = Instant.parse("2026-11-21T22:00:00.123456Z");
    private final WebhookBody body = new WebhookBody("https://hotline.example/");

    private static OutboxEntry entry(String payload) {
        return OutboxEntry.pending("e1", "t1", "uor", "referral.created", payload, AT);
    }

    @Test
    void carriesTheTypeTheWritingTimeAndThePayloadWithTheStatusUrl() {
        JsonObject parsed = new JsonObject(body.of(entry(" {\"urgency\":\"URGENT\",\"minor\":true,\"needs\":[\"HEALTH\"],"
                + "\"note\":\"a \\\"quoted\\\" word\"} ")));

        assertThat(parsed).isEqualTo(new JsonObject().put("type", "referral.created").put("timestamp", AT.toString())
                .put("data", new JsonObject().put("urgency", "URGENT").put("minor", true)
                        .put("needs", new io.vertx.core.json.JsonArray().add("HEALTH")).put("note", "a \"quoted\" word")
                        .put("statusUrl", "https://hotline.example/api/referrals/t1/status")));
    }

    @Test
    void anEmptyPayloadGetsOnlyTheStatusUrl() {
        assertThat(new JsonObject(body.of(entry("{ }"))).getJsonObject("data"))
                .isEqualTo(new JsonObject().put("statusUrl", "https://hotline.example/api/referrals/t1/status"));
    }

    @Test
    void everyRetrySendsTheSameBytes() {
        OutboxEntry entry = entry("{\"urgency\":\"URGENT\"}");
        assertThat(body.of(entry)).isEqualTo(body.of(entry));
    }

    @Test
    void aPayloadThatIsNotAnObjectIsRefused() {
        assertThatThrownBy(() -> body.of(entry("[1, 2]"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("e1");
    }
}
