package org.hth.hotline.core.referral.rules;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What the rules chose for one ticket.
 *
 * @param routes  the destinations, in the order first chosen, each with the rules that chose it
 * @param held    the hold rule and its reason, when nothing may be sent
 * @param skipped destinations a rule chose that are disabled, each with why (recorded, never silent)
 */
public record RoutingDecision(List<Route> routes, Optional<String> held, List<String> skipped) {
    public RoutingDecision {
        routes = List.copyOf(routes);
        Objects.requireNonNull(held, "held");
        skipped = List.copyOf(skipped);
    }

    /**
     * One chosen destination.
     *
     * @param destinationId where to send
     * @param rules         the names of the rules that chose it
     * @param flags         the flags those rules attach
     */
    public record Route(String destinationId, List<String> rules, Set<String> flags) {
        public Route {
            Objects.requireNonNull(destinationId, "destinationId");
            rules = List.copyOf(rules);
            flags = Set.copyOf(flags);
        }
    }
}
