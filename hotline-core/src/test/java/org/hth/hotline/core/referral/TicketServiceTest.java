package org.hth.hotline.core.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import org.hth.hotline.core.destination.Destinations;
import org.hth.hotline.core.destination.TestDestinations;
import org.hth.hotline.core.live.InProcessLiveEvents;
import org.hth.hotline.core.live.LiveEvent;
import org.hth.hotline.core.outbox.OutboxEntry;
import org.hth.hotline.core.referral.rules.RulesLoader;
import org.hth.hotline.core.store.Store;
import org.hth.hotline.core.store.sqlite.SqliteStore;
import org.hth.hotline.core.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TicketServiceTest {
    @TempDir
    Path dir;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-21T23:14:03Z"));
    private final List<LiveEvent> events = new CopyOnWriteArrayList<>();
    private Store store;
    private TicketService service;
    private TicketStatusService statuses;

    @BeforeEach
    void open() {
        store = SqliteStore.open(dir.resolve("hotline.db"), clock);
        Destinations destinations = TestDestinations.sample();
        InProcessLiveEvents live = new InProcessLiveEvents();
        live.subscribe(events::add);
        service = new TicketService(store.tickets(), destinations,
                new RulesLoader().load(Path.of("../config/referral-rules.yaml"), destinations),
                new UlidGenerator(clock, new SecureRandom()), clock, live);
        statuses = new TicketStatusService(store.tickets(), clock, live);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void minorInAsl5WithConsentIsWrittenWithOneEntryPerDestinationAndTheReasons() {
        Ticket ticket = service.open(TicketValidatorTest.valid(), "anna");

        List<OutboxEntry> outbox = store.outbox().forTicket(ticket.id());
        assertThat(outbox).extracting(OutboxEntry::destinationId).containsExactlyInAnyOrder("uor", "uds-asl5");
        assertThat(outbox).allSatisfy(e -> assertThat(e.eventType()).isEqualTo("referral.created"));
        assertThat(store.tickets().find(ticket.id()).get().history()).extracting(TicketEvent::detail)
                .anySatisfy(d -> assertThat(d).startsWith("uor by rule shelter-or-first-assistance, minor"))
                .anySatisfy(d -> assertThat(d).contains("uds-asl5 by rule").contains("union-contacts"));
        assertThat(events).extracting(LiveEvent::type).containsExactly("ticket.created");
    }

    @Test
    void streetUnitGetsOnlyItsAllowedFields() {
        Ticket ticket = service.open(TicketValidatorTest.valid(), "anna");
        String unit = store.outbox().forTicket(ticket.id()).stream()
                .filter(e -> e.destinationId().equals("uds-asl5")).findFirst().orElseThrow().payload();
        assertThat(unit).contains("\"ticket\":\"" + ticket.id()).contains("\"minor\":true")
                .doesNotContain("summary").doesNotContain("nationality").contains("union-contacts");
    }

    @Test
    void withoutConsentNothingIsSentAndTheReasonIsRecorded() {
        TicketDraft d = TicketValidatorTest.valid();
        Ticket ticket = service.open(new TicketDraft(d.accessChannel(), d.exploitation(), d.person(), d.needs(),
                d.urgency(), d.territory(), false, d.summary(), d.callId()), "anna");
        assertThat(store.outbox().forTicket(ticket.id())).isEmpty();
        assertThat(ticket.destinations()).isEmpty();
        assertThat(ticket.history()).extracting(TicketEvent::action).contains("held");
    }

    @Test
    void invalidDraftWritesNothing() {
        TicketDraft d = TicketValidatorTest.valid();
        TicketDraft bad = new TicketDraft(Optional.empty(), d.exploitation(), d.person(), Set.of(), d.urgency(),
                d.territory(), true, d.summary(), d.callId());
        assertThatThrownBy(() -> service.open(bad, "anna")).isInstanceOfSatisfying(TicketValidationException.class,
                e -> assertThat(e.fields()).containsOnlyKeys("accessChannel", "needs"));
        assertThat(store.outbox().depth().pending()).isZero();
    }

    @Test
    void aBatchMarksOnlyItsOpenTicketsDispatchedNamingTheirDestinations() {
        Ticket open = service.open(TicketValidatorTest.valid(), "anna");
        Ticket accepted = service.open(TicketValidatorTest.valid(), "anna");
        statuses.answer(accepted.id(), "uor", TicketStatus.ACCEPTED, Optional.empty());
        clock.advance(java.time.Duration.ofSeconds(3));

        assertThat(statuses.markEachDispatched(List.of(open.id(), accepted.id(), "no-such-ticket")))
                .containsExactly(open.id());

        Ticket stored = store.tickets().find(open.id()).orElseThrow();
        assertThat(stored).isEqualTo(open.with(new TicketEvent(clock.instant(), "system", "dispatched",
                Optional.of(TicketStatus.DISPATCHED), "delivered to " + String.join(", ", open.destinations()))));
        assertThat(store.tickets().find(accepted.id()).orElseThrow().status()).isEqualTo(TicketStatus.ACCEPTED);
        assertThat(statuses.markEachDispatched(List.of(open.id()))).isEmpty();
    }

    @Test
    void rejectionGoesBackToTheCoordinatorAndRepeatsAreHarmless() {
        Ticket ticket = service.open(TicketValidatorTest.valid(), "anna");
        statuses.markDispatched(ticket.id());
        Ticket rejected = statuses.answer(ticket.id(), "uds-asl5", TicketStatus.REJECTED, Optional.of("no capacity"));
        assertThat(rejected.status()).isEqualTo(TicketStatus.REJECTED);
        assertThat(statuses.answer(ticket.id(), "uds-asl5", TicketStatus.REJECTED, Optional.of("no capacity"))
                .history()).hasSameSizeAs(rejected.history());
        assertThat(events).extracting(LiveEvent::type).contains("ticket.rejected");
        assertThat(statuses.answer(ticket.id(), "uor", TicketStatus.ACCEPTED, Optional.empty()).status())
                .isEqualTo(TicketStatus.ACCEPTED);
        assertThatThrownBy(() -> statuses.answer(ticket.id(), "uds-asl1", TicketStatus.DONE, Optional.empty()))
                .isInstanceOf(NotADestinationException.class);
    }
}
