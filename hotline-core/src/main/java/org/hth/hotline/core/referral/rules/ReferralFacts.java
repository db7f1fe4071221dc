package org.hth.hotline.core.referral.rules;

import java.util.Objects;
import java.util.Set;

import org.hth.hotline.core.referral.ExploitationType;
import org.hth.hotline.core.referral.Need;
import org.hth.hotline.core.referral.Territory;
import org.hth.hotline.core.referral.TicketDraft;
import org.hth.hotline.core.referral.Urgency;

/** What the rules look at, taken from a validated ticket draft. */
public record ReferralFacts(Set<Need> needs, boolean minor, Territory territory, Set<ExploitationType> exploitation,
                            Urgency urgency, boolean consent) {
    public ReferralFacts {
        needs = Set.copyOf(needs);
        exploitation = Set.copyOf(exploitation);
        Objects.requireNonNull(territory, "territory");
        Objects.requireNonNull(urgency, "urgency");
    }

    /** @throws java.util.NoSuchElementException when the draft lacks its territory or urgency (not validated) */
    public static ReferralFacts of(TicketDraft draft) {
        return new ReferralFacts(draft.needs(), draft.person().minor(), draft.territory().orElseThrow(),
                draft.exploitation(), draft.urgency().orElseThrow(), draft.consent());
    }
}
