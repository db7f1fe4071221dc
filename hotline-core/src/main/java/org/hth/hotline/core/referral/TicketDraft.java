package org.hth.hotline.core.referral;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What an operator submits to open a referral, before validation. Field names are those of the API and
 * the webhook body. Required values are {@link Optional} here because a submission may lack them;
 * {@link TicketValidator} says which are missing.
 *
 * @param accessChannel how the case reached the network (required)
 * @param exploitation  the forms of exploitation (at least one; {@code OTHER} when unclear)
 * @param person        who it is about
 * @param needs         what the person needs (at least one)
 * @param urgency       how soon (required)
 * @param territory     where (required)
 * @param consent       whether the person consented to the referral
 * @param summary       the operator's summary (required, never logged)
 * @param callId        the call it came from, if any
 */
public record TicketDraft(Optional<AccessChannel> accessChannel, Set<ExploitationType> exploitation, Person person,
                          Set<Need> needs, Optional<Urgency> urgency, Optional<Territory> territory, boolean consent,
                          String summary, Optional<String> callId) {
    public TicketDraft {
        Objects.requireNonNull(accessChannel, "accessChannel");
        Objects.requireNonNull(person, "person");
        Objects.requireNonNull(urgency, "urgency");
        Objects.requireNonNull(territory, "territory");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(callId, "callId");
        exploitation = Set.copyOf(exploitation);
        needs = Set.copyOf(needs);
    }
}
