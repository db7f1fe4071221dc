package org.hth.hotline.core.referral.rules;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One rule: when its condition holds, either send to its destinations (with its flags), or hold the
 * referral (send nothing, stop evaluating) for the reason given.
 *
 * @param name  unique, recorded in the ticket's history
 * @param when  the condition
 * @param send  destination ids, or {@value #TERRITORY_UNIT} for the street unit of the ticket's territory
 * @param flags labels for the receivers of this rule, e.g. {@code union-contacts}
 * @param hold  the reason nothing is sent, for a rule that holds
 */
public record ReferralRule(String name, RuleCondition when, List<String> send, Set<String> flags, Optional<String> hold) {
    /** The street unit of the ticket's territory. */
    public static final String TERRITORY_UNIT = "territory-unit";

    public ReferralRule {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(when, "when");
        send = List.copyOf(send);
        flags = Set.copyOf(flags);
        Objects.requireNonNull(hold, "hold");
    }
}
