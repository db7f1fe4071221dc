package org.hth.hotline.core.referral.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;

import org.hth.hotline.core.destination.Destinations;
import org.hth.hotline.core.destination.DestinationsLoader;
import org.hth.hotline.core.destination.TestDestinations;
import org.hth.hotline.core.referral.ExploitationType;
import org.hth.hotline.core.referral.Need;
import org.hth.hotline.core.referral.Territory;
import org.hth.hotline.core.referral.Urgency;
import org.junit.jupiter.api.Test;

class RulesLoaderTest {
    private final Destinations destinations = TestDestinations.sample();

    private void refused(String yaml, String... parts) {
        var thrown = assertThatThrownBy(() -> new RulesLoader().parse(yaml, destinations))
                .isInstanceOf(RuleConfigException.class);
        for (String part : parts) {
            thrown.hasMessageContaining(part);
        }
    }

    @Test
    void unknownDestinationIsRefusedNamingTheRule() {
        refused("rules:\n  - {name: to-asl9, send: [uds-asl9]}\n", "to-asl9: send", "uds-asl9");
    }

    @Test
    void unknownConditionKeyIsNamed() {
        refused("rules:\n  - {name: odd, when: {age: 12}, send: [uor]}\n", "odd.when: age");
    }

    @Test
    void unknownNeedIsNamed() {
        refused("rules:\n  - {name: odd, when: {needs: [PIZZA]}, send: [uor]}\n", "odd: when.needs", "PIZZA");
    }

    @Test
    void ruleMustSendOrHold() {
        refused("rules:\n  - {name: idle, when: {minor: true}}\n", "idle");
        refused("rules:\n  - {name: both, send: [uor], hold: why}\n", "both");
    }

    @Test
    void nameIsRequiredAndUnique() {
        refused("rules:\n  - {send: [uor]}\n", "rule #1: name");
        refused("rules:\n  - {name: a, send: [uor]}\n  - {name: a, send: [uor]}\n", "a: name", "twice");
    }

    @Test
    void booleanConditionMustBeABoolean() {
        refused("rules:\n  - {name: m, when: {minor: maybe}, send: [uor]}\n", "m: when.minor");
    }

    @Test
    void disabledDestinationIsSkippedAndRecorded() {
        var env = TestDestinations.environment();
        Destinations some = new DestinationsLoader(env).parse("destinations:\n"
                + "  - {id: uor, fields: [urgency]}\n  - {id: uds-asl2, enabled: false, territories: [ASL2], fields: [urgency]}\n");
        ReferralRules rules = new RulesLoader().parse("rules:\n  - {name: unit, send: [territory-unit, uor]}\n", some);
        RoutingDecision d = rules.evaluate(new ReferralFacts(Set.of(Need.HEALTH), false, Territory.ASL2,
                Set.of(ExploitationType.OTHER), Urgency.URGENT, true));
        assertThat(d.routes()).extracting(RoutingDecision.Route::destinationId).containsExactly("uor");
        assertThat(d.skipped()).singleElement().asString().contains("uds-asl2").contains("disabled");
    }
}
