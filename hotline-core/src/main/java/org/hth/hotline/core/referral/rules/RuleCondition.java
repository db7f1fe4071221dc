package org.hth.hotline.core.referral.rules;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.hth.hotline.core.referral.ExploitationType;
import org.hth.hotline.core.referral.Need;
import org.hth.hotline.core.referral.Territory;
import org.hth.hotline.core.referral.Urgency;

/**
 * The {@code when:} of a rule. Every part given must hold; an empty set or an empty optional is no
 * condition. Sets match when the ticket has any of their values.
 */
public record RuleCondition(Set<Need> needs, Optional<Boolean> minor, Set<Territory> territory,
                            Set<ExploitationType> exploitation, Set<Urgency> urgency, Optional<Boolean> consent) {
    public RuleCondition {
        needs = Set.copyOf(needs);
        territory = Set.copyOf(territory);
        exploitation = Set.copyOf(exploitation);
        urgency = Set.copyOf(urgency);
        Objects.requireNonNull(minor, "minor");
        Objects.requireNonNull(consent, "consent");
    }

    public static RuleCondition always() {
        return new RuleCondition(Set.of(), Optional.empty(), Set.of(), Set.of(), Set.of(), Optional.empty());
    }

    public boolean matches(ReferralFacts facts) {
        return (needs.isEmpty() || facts.needs().stream().anyMatch(needs::contains))
                && minor.map(m -> m == facts.minor()).orElse(true)
                && (territory.isEmpty() || territory.contains(facts.territory()))
                && (exploitation.isEmpty() || facts.exploitation().stream().anyMatch(exploitation::contains))
                && (urgency.isEmpty() || urgency.contains(facts.urgency()))
                && consent.map(c -> c == facts.consent()).orElse(true);
    }
}
