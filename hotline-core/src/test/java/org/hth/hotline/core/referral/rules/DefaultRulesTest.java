package org.hth.hotline.core.referral.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Set;

import org.hth.hotline.core.destination.TestDestinations;
import org.hth.hotline.core.referral.ExploitationType;
import org.hth.hotline.core.referral.Need;
import org.hth.hotline.core.referral.Territory;
import org.hth.hotline.core.referral.Urgency;
import org.junit.jupiter.api.Test;

/** The shipped {@code config/referral-rules.yaml}, one test per rule. */
class DefaultRulesTest {
    private final ReferralRules rules = new RulesLoader().load(Path.of("../config/referral-rules.yaml"),
            TestDestinations.sample());

    private static ReferralFacts adult(Territory territory, Need need) {
        return new ReferralFacts(Set.of(need), false, territory, Set.of(ExploitationType.SEXUAL), Urgency.URGENT, true);
    }

    private RoutingDecision route(ReferralFacts facts) {
        return rules.evaluate(facts);
    }

    private static Set<String> ids(RoutingDecision d) {
        return Set.copyOf(d.routes().stream().map(RoutingDecision.Route::destinationId).toList());
    }

    @Test
    void shelterGoesToTheUorAndTheUnit() {
        RoutingDecision d = route(adult(Territory.ASL2, Need.EMERGENCY_SHELTER));
        assertThat(ids(d)).containsExactlyInAnyOrder("uor", "uds-asl2");
        assertThat(d.routes().get(0).rules()).containsExactly("shelter-or-first-assistance");
    }

    @Test
    void firstAssistanceGoesToTheUor() {
        assertThat(ids(route(adult(Territory.ASL1, Need.FIRST_ASSISTANCE)))).contains("uor");
    }

    @Test
    void territoryGoesToItsStreetUnitOnly() {
        assertThat(ids(route(adult(Territory.ASL1, Need.HEALTH)))).containsExactly("uds-asl1");
        assertThat(ids(route(adult(Territory.ASL5, Need.LEGAL)))).containsExactly("uds-asl5");
    }

    @Test
    void genovaAndChiavariShareOneUnit() {
        assertThat(ids(route(adult(Territory.ASL3, Need.HEALTH)))).containsExactly("uds-asl3-4");
        assertThat(ids(route(adult(Territory.ASL4, Need.HEALTH)))).containsExactly("uds-asl3-4");
    }

    @Test
    void minorGoesToTheUorAndTheUnit() {
        RoutingDecision d = route(new ReferralFacts(Set.of(Need.HEALTH), true, Territory.ASL5,
                Set.of(ExploitationType.SEXUAL), Urgency.URGENT, true));
        assertThat(ids(d)).containsExactlyInAnyOrder("uor", "uds-asl5");
        assertThat(d.routes()).filteredOn(r -> r.destinationId().equals("uor"))
                .singleElement().satisfies(r -> assertThat(r.rules()).containsExactly("minor"));
    }

    @Test
    void labourExploitationGoesToTheUnitFlaggedForUnions() {
        RoutingDecision d = route(new ReferralFacts(Set.of(Need.LEGAL), false, Territory.ASL2,
                Set.of(ExploitationType.LABOUR), Urgency.ORDINARY, true));
        assertThat(d.routes()).singleElement().satisfies(r -> {
            assertThat(r.destinationId()).isEqualTo("uds-asl2");
            assertThat(r.flags()).containsExactly("union-contacts");
        });
    }

    @Test
    void unionNeedIsFlaggedToo() {
        assertThat(route(adult(Territory.ASL5, Need.LABOUR_UNION)).routes().get(0).flags()).contains("union-contacts");
    }

    @Test
    void noConsentSendsNothingAndSaysWhy() {
        RoutingDecision d = route(new ReferralFacts(Set.of(Need.EMERGENCY_SHELTER), true, Territory.ASL5,
                Set.of(ExploitationType.SEXUAL), Urgency.URGENT, false));
        assertThat(d.routes()).isEmpty();
        assertThat(d.held()).hasValueSatisfying(r -> assertThat(r).startsWith("no-consent: no consent"));
    }

    @Test
    void noConsentInImmediateDangerIsStillSent() {
        RoutingDecision d = route(new ReferralFacts(Set.of(Need.HEALTH), false, Territory.ASL3,
                Set.of(ExploitationType.SEXUAL), Urgency.IMMEDIATE_DANGER, false));
        assertThat(d.held()).isEmpty();
        assertThat(ids(d)).containsExactlyInAnyOrder("uor", "uds-asl3-4");
    }

    @Test
    void outsideLiguriaGoesToTheUor() {
        assertThat(ids(route(adult(Territory.OUTSIDE_LIGURIA, Need.HEALTH)))).containsExactly("uor");
    }
}
