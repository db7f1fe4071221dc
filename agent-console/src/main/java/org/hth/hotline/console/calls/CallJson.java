package org.hth.hotline.console.calls;

import java.time.Instant;
import java.util.Optional;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import org.hth.hotline.core.call.CallRecord;
import org.hth.hotline.core.call.RingAttempt;

/**
 * Call records as JSON. The list form leaves out the notes and the ring timeline; the full form has both.
 * Neither ever holds a caller's number: the record has only the pseudonym. Stateless.
 */
public final class CallJson {
    private CallJson() {
    }

    public static JsonObject summary(CallRecord c) {
        JsonArray tags = new JsonArray();
        c.tags().stream().sorted().forEach(tags::add);
        return new JsonObject()
                .put("callId", c.callId())
                .put("line", c.line())
                .put("callerPseudonym", c.callerPseudonym().orElse(null))
                .put("callerWithheld", c.callerWithheld())
                .put("startedAt", c.startedAt().toString())
                .put("answeredAt", text(c.answeredAt()))
                .put("endedAt", c.endedAt().toString())
                .put("waitSeconds", c.waitSeconds())
                .put("talkSeconds", c.talkSeconds())
                .put("language", c.language().orElse(null))
                .put("answeredBy", c.answeredBy().orElse(null))
                .put("outcome", c.outcome().name())
                .put("category", c.category().map(Enum::name).orElse(null))
                .put("territory", c.territory().map(Enum::name).orElse(null))
                .put("tags", tags)
                .put("ticketIds", new JsonArray(c.ticketIds()));
    }

    public static JsonObject full(CallRecord c) {
        JsonArray attempts = new JsonArray();
        for (RingAttempt a : c.attempts()) {
            attempts.add(new JsonObject().put("operatorId", a.operatorId()).put("endpoint", a.endpoint())
                    .put("startedAt", a.startedAt().toString()).put("result", a.result().name())
                    .put("ringSeconds", a.ringSeconds()).put("step", a.step()));
        }
        return summary(c).put("hangupCause", c.hangupCause()).put("notes", c.notes()).put("attempts", attempts);
    }

    private static String text(Optional<Instant> at) {
        return at.map(Instant::toString).orElse(null);
    }
}
