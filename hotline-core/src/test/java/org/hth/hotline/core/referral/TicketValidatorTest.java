package org.hth.hotline.core.referral;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

class TicketValidatorTest {
    private final TicketValidator validator = new TicketValidator();

    static TicketDraft valid() {
        return new TicketDraft(Optional.of(AccessChannel.NUMERO_VERDE), Set.of(ExploitationType.LABOUR),
                new Person(Optional.of("F"), Optional.of("15-17"), true, Optional.of("NG"), List.of("en"), Optional.empty()),
                Set.of(Need.EMERGENCY_SHELTER), Optional.of(Urgency.URGENT), Optional.of(Territory.ASL5), true,
                "made-up summary", Optional.empty());
    }

    @Test
    void validDraftHasNoProblems() {
        assertThat(validator.problems(valid())).isEmpty();
    }

    @Test
    void emptyDraftNamesEveryRequiredField() {
        TicketDraft empty = new TicketDraft(Optional.empty(), Set.of(), Person.unknown(), Set.of(), Optional.empty(),
                Optional.empty(), false, " ", Optional.empty());
        assertThat(validator.problems(empty)).containsOnlyKeys("accessChannel", "exploitation", "needs", "urgency",
                "territory", "summary");
    }

    @Test
    void nameWithoutConsentIsRefused() {
        TicketDraft d = valid();
        TicketDraft named = new TicketDraft(d.accessChannel(), d.exploitation(), new Person(Optional.empty(),
                Optional.empty(), false, Optional.empty(), List.of(), Optional.of("Made Up")), d.needs(), d.urgency(),
                d.territory(), false, d.summary(), d.callId());
        assertThat(validator.problems(named)).containsOnlyKeys("person.name");
    }

    @Test
    void personPartsAreCheckedOneByOne() {
        TicketDraft d = valid();
        TicketDraft odd = new TicketDraft(d.accessChannel(), d.exploitation(), new Person(Optional.of("female"),
                Optional.of("15-17"), false, Optional.of("nigeria"), List.of("english"), Optional.empty()), d.needs(),
                d.urgency(), d.territory(), true, "x".repeat(TicketValidator.SUMMARY_MAX + 1), Optional.of(""));
        assertThat(validator.problems(odd)).containsOnlyKeys("person.gender", "person.minor", "person.nationality",
                "person.languages", "summary", "callId");
    }
}
