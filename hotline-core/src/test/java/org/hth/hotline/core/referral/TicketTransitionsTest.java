package org.hth.hotline.core.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TicketTransitionsTest {

    @Test
    void theMainPathIsAllowed() {
        assertThat(TicketTransitions.allowed(TicketStatus.OPEN, TicketStatus.DISPATCHED)).isTrue();
        assertThat(TicketTransitions.allowed(TicketStatus.DISPATCHED, TicketStatus.ACCEPTED)).isTrue();
        assertThat(TicketTransitions.allowed(TicketStatus.DISPATCHED, TicketStatus.REJECTED)).isTrue();
        assertThat(TicketTransitions.allowed(TicketStatus.ACCEPTED, TicketStatus.DONE)).isTrue();
        assertThat(TicketTransitions.allowed(TicketStatus.DONE, TicketStatus.CLOSED)).isTrue();
    }

    @Test
    void skippingOrGoingBackIsRefused() {
        assertThatThrownBy(() -> TicketTransitions.check("t1", TicketStatus.OPEN, TicketStatus.DONE))
                .isInstanceOf(IllegalTransitionException.class).hasMessageContaining("t1");
        assertThat(TicketTransitions.allowed(TicketStatus.DONE, TicketStatus.ACCEPTED)).isFalse();
        assertThat(TicketTransitions.allowed(TicketStatus.CLOSED, TicketStatus.OPEN)).isFalse();
    }

    @Test
    void aRejectedReferralGoesBackToTheCoordinator() {
        assertThat(TicketTransitions.allowed(TicketStatus.REJECTED, TicketStatus.OPEN)).isTrue();
    }
}
