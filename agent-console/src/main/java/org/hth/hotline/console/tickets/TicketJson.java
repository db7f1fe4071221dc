package org.hth.hotline.console.tickets;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import org.hth.hotline.core.outbox.OutboxEntry;
import org.hth.hotline.core.referral.Person;
import org.hth.hotline.core.referral.Ticket;
import org.hth.hotline.core.referral.TicketEvent;

/**
 * Tickets as the console shows them. Never the sealed callback number: only whether a callback is possible.
 * Deliveries are one per destination, the latest entry's state ({@code PENDING}, {@code DELIVERED}, {@code DEAD}).
 * Stateless.
 */
final class TicketJson {
    private TicketJson() {
    }

    static JsonObject summary(Ticket t, List<OutboxEntry> entries, boolean callbackPossible) {
        JsonObject deliveries = new JsonObject();
        latestByDestination(entries).forEach((destination, entry) -> deliveries.put(destination, entry.state().name()));
        return new JsonObject().put("id", t.id()).put("kind", t.kind().name()).put("createdAt", t.createdAt().toString())
                .put("createdBy", t.createdBy()).put("callId", t.callId().orElse(null))
                .put("urgency", t.urgency().name()).put("territory", t.territory().name())
                .put("status", t.status().name()).put("destinations", new JsonArray(t.destinations()))
                .put("deliveries", deliveries).put("callbackPossible", callbackPossible);
    }

    static JsonObject full(Ticket t, List<OutboxEntry> entries, boolean callbackPossible) {
        JsonObject json = summary(t, entries, callbackPossible)
                .put("accessChannel", t.accessChannel().name())
                .put("exploitation", names(t.exploitation())).put("needs", names(t.needs()))
                .put("consent", t.consent()).put("summary", t.summary()).put("person", person(t.person()));
        JsonArray history = new JsonArray();
        for (TicketEvent e : t.history()) {
            history.add(new JsonObject().put("at", e.at().toString()).put("by", e.by()).put("action", e.action())
                    .put("status", e.status().map(Enum::name).orElse(null)).put("detail", e.detail()));
        }
        JsonArray deliveries = new JsonArray();
        for (OutboxEntry e : entries) {
            deliveries.add(new JsonObject().put("destination", e.destinationId()).put("state", e.state().name())
                    .put("attempts", e.attempts()).put("createdAt", e.createdAt().toString())
                    .put("lastError", e.lastError().orElse(null)));
        }
        return json.put("history", history).put("deliveryLog", deliveries);
    }

    private static Map<String, OutboxEntry> latestByDestination(List<OutboxEntry> entries) {
        Map<String, OutboxEntry> latest = new LinkedHashMap<>();
        entries.forEach(e -> latest.put(e.destinationId(), e));
        return latest;
    }

    private static JsonArray names(Collection<? extends Enum<?>> values) {
        return new JsonArray(values.stream().map(Enum::name).sorted().toList());
    }

    private static JsonObject person(Person p) {
        return new JsonObject().put("gender", p.gender().orElse(null)).put("ageBand", p.ageBand().orElse(null))
                .put("minor", p.minor()).put("nationality", p.nationality().orElse(null))
                .put("languages", new JsonArray(p.languages())).put("name", p.name().orElse(null));
    }
}
