package org.hth.hotline.core.referral.rules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.hth.hotline.core.destination.Destination;
import org.hth.hotline.core.destination.Destinations;

/**
 * The rule engine: evaluates the rules in order; a matching hold rule sends nothing and stops; every
 * other matching rule adds its destinations and flags. Immutable and thread-safe.
 */
public final class ReferralRules {
    private final List<ReferralRule> rules;
    private final Destinations destinations;

    public ReferralRules(List<ReferralRule> rules, Destinations destinations) {
        this.rules = List.copyOf(rules);
        this.destinations = destinations;
    }

    public List<ReferralRule> rules() {
        return rules;
    }

    public RoutingDecision evaluate(ReferralFacts facts) {
        Map<String, List<String>> why = new LinkedHashMap<>();
        Map<String, Set<String>> flags = new LinkedHashMap<>();
        Set<String> skipped = new LinkedHashSet<>();
        for (ReferralRule rule : rules) {
            if (!rule.when().matches(facts)) {
                continue;
            }
            if (rule.hold().isPresent()) {
                return new RoutingDecision(List.of(), Optional.of(rule.name() + ": " + rule.hold().get()), List.of());
            }
            for (String target : rule.send()) {
                for (Destination d : resolve(target, facts)) {
                    if (!d.enabled()) {
                        skipped.add(d.id() + " (chosen by " + rule.name() + ") is disabled: not sent");
                        continue;
                    }
                    why.computeIfAbsent(d.id(), k -> new ArrayList<>()).add(rule.name());
                    flags.computeIfAbsent(d.id(), k -> new LinkedHashSet<>()).addAll(rule.flags());
                }
            }
        }
        List<RoutingDecision.Route> routes = new ArrayList<>();
        why.forEach((id, names) -> routes.add(new RoutingDecision.Route(id, names, flags.get(id))));
        return new RoutingDecision(routes, Optional.empty(), List.copyOf(skipped));
    }

    private List<Destination> resolve(String target, ReferralFacts facts) {
        if (ReferralRule.TERRITORY_UNIT.equals(target)) {
            return destinations.unitsOf(facts.territory());
        }
        return destinations.find(target).map(List::of).orElse(List.of());
    }
}
