package org.hth.hotline.core.referral;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.hth.hotline.core.HotlineException;
import org.hth.hotline.core.destination.Destination;

/**
 * The webhook {@code data} of a ticket for one destination: only the fields it may receive, plus
 * {@code ticket} and, when any, {@code flags}. The person's name goes only with consent. Frozen into the
 * outbox entry when the ticket is written. Thread-safe.
 */
public final class ReferralPayload {
    private final ObjectMapper json = new ObjectMapper();

    public String of(Ticket ticket, Destination destination, Set<String> flags) {
        Set<String> allowed = destination.allowedFields();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("ticket", ticket.id());
        put(data, allowed, "createdAt", ticket.createdAt().toString());
        put(data, allowed, "urgency", ticket.urgency().name());
        put(data, allowed, "territory", ticket.territory().name());
        put(data, allowed, "accessChannel", ticket.accessChannel().name());
        put(data, allowed, "exploitation", sorted(ticket.exploitation()));
        Map<String, Object> person = person(ticket, allowed);
        if (!person.isEmpty()) {
            data.put("person", person);
        }
        put(data, allowed, "needs", sorted(ticket.needs()));
        put(data, allowed, "consent", ticket.consent());
        put(data, allowed, "summary", ticket.summary());
        ticket.callId().ifPresent(call -> put(data, allowed, "callId", call));
        if (!flags.isEmpty()) {
            data.put("flags", flags.stream().sorted().toList());
        }
        try {
            return json.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new HotlineException("cannot write the payload of ticket " + ticket.id(), e);
        }
    }

    private static Map<String, Object> person(Ticket ticket, Set<String> allowed) {
        Person p = ticket.person();
        boolean all = allowed.contains("person");
        Map<String, Object> out = new LinkedHashMap<>();
        if (all || allowed.contains("person.gender")) {
            p.gender().ifPresent(g -> out.put("gender", g));
        }
        if (all || allowed.contains("person.ageBand")) {
            p.ageBand().ifPresent(a -> out.put("ageBand", a));
        }
        if (all || allowed.contains("person.minor")) {
            out.put("minor", p.minor());
        }
        if (all || allowed.contains("person.nationality")) {
            p.nationality().ifPresent(n -> out.put("nationality", n));
        }
        if (all || allowed.contains("person.languages")) {
            out.put("languages", p.languages());
        }
        if ((all || allowed.contains("person.name")) && ticket.consent()) {
            p.name().ifPresent(n -> out.put("name", n));
        }
        return out;
    }

    private static void put(Map<String, Object> data, Set<String> allowed, String field, Object value) {
        if (allowed.contains(field)) {
            data.put(field, value);
        }
    }

    private static List<String> sorted(Set<? extends Enum<?>> values) {
        return values.stream().map(Enum::name).sorted().toList();
    }
}
