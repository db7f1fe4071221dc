package org.hth.hotline.core.destination;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.hth.hotline.core.referral.Territory;

/**
 * Every configured destination, in file order, and the delivery policy. Immutable and thread-safe.
 *
 * @param delivery how deliveries are attempted
 * @param byId     the destinations by id
 */
public record Destinations(DeliveryPolicy delivery, Map<String, Destination> byId) {
    public Destinations {
        Objects.requireNonNull(delivery, "delivery");
        byId = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(byId));
    }

    public static Destinations of(DeliveryPolicy delivery, List<Destination> destinations) {
        Map<String, Destination> byId = new LinkedHashMap<>();
        destinations.forEach(d -> byId.put(d.id(), d));
        return new Destinations(delivery, byId);
    }

    public Optional<Destination> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public Collection<Destination> all() {
        return byId.values();
    }

    /** The street units of a territory (none for {@code OUTSIDE_LIGURIA}). */
    public List<Destination> unitsOf(Territory territory) {
        return byId.values().stream().filter(d -> d.territories().contains(territory)).toList();
    }
}
