package org.hth.hotline.dispatcher.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.hth.hotline.core.live.InProcessLiveEvents;
import org.hth.hotline.core.outbox.ClaimedEntry;
import org.hth.hotline.core.outbox.OutboxEntry;
import org.hth.hotline.core.referral.Ticket;
import org.hth.hotline.core.referral.TicketEvent;
import org.hth.hotline.core.referral.TicketQuery;
import org.hth.hotline.core.referral.TicketStatus;
import org.hth.hotline.core.referral.TicketStatusService;
import org.hth.hotline.core.store.StoreException;
import org.hth.hotline.core.store.TicketStore;
import org.hth.hotline.core.store.sqlite.SqliteStore;
import org.hth.hotline.core.testing.Fixtures;
import org.hth.hotline.core.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreSettlementTest {
    private static final Instant T0 = Instant.parse("2026-11-22T02:00:00Z");

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(T0);
    private SqliteStore store;
    private RefusingToMark tickets;
    private StoreSettlement settlement;

    @BeforeEach
    void open() {
        store = SqliteStore.open(dir.resolve("hotline.db"), clock);
        tickets = new RefusingToMark(store.tickets());
        settlement = new StoreSettlement(store, new TicketStatusService(tickets, clock, new InProcessLiveEvents()),
                new RetryPolicy(List.of(Duration.ofSeconds(30)), new Random(1)), clock, "node-a",
                Duration.ofSeconds(60));
        store.tickets().create(Fixtures.ticket("t1", T0), List.of(Fixtures.entry("e1", "t1", "uor", T0)));
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void aTicketTheStoreRefusedToMarkIsMarkedWithTheNextClaim() {
        tickets.refusals.set(1);
        List<ClaimedEntry> claimed = settlement.claim(10);

        settlement.settle(List.of(delivered(claimed.get(0))));
        assertThat(status("t1")).isEqualTo(TicketStatus.OPEN);

        assertThat(settlement.claim(10)).isEmpty();
        assertThat(status("t1")).isEqualTo(TicketStatus.DISPATCHED);
        assertThat(tickets.marks.get()).isEqualTo(2);

        settlement.claim(10);
        assertThat(tickets.marks.get()).as("marked once, not again at every claim").isEqualTo(2);
    }

    @Test
    void whileTheStoreKeepsRefusingTheTicketWaitsForTheNextTry() {
        tickets.refusals.set(3);
        settlement.settle(List.of(delivered(settlement.claim(10).get(0))));
        settlement.claim(10);
        settlement.claim(10);
        assertThat(status("t1")).isEqualTo(TicketStatus.OPEN);

        settlement.claim(10);
        assertThat(status("t1")).isEqualTo(TicketStatus.DISPATCHED);
    }

    @Test
    void aTicketDeliveredByANodeThatStoppedBeforeMarkingItIsMarkedDispatchedAtTheFirstClaim() {
        deliveredElsewhere("t2", "e2", "e3");
        store.tickets().create(Fixtures.ticket("t3", T0), List.of());

        settlement.claim(10);

        Ticket marked = store.tickets().find("t2").orElseThrow();
        assertThat(marked.status()).isEqualTo(TicketStatus.DISPATCHED);
        assertThat(marked.history().get(marked.history().size() - 1).detail())
                .isEqualTo("delivered to uor, uds-asl5");
        assertThat(status("t1")).as("its entry is still to be delivered").isEqualTo(TicketStatus.OPEN);
        assertThat(status("t3")).as("no entry at all is not a delivery").isEqualTo(TicketStatus.OPEN);
    }

    @Test
    void openTicketsAreLookedAtAgainOnlyOnceTheIntervalIsOver() {
        settlement.claim(10);
        deliveredElsewhere("t2", "e2", "e3");

        settlement.claim(10);
        assertThat(status("t2")).isEqualTo(TicketStatus.OPEN);

        clock.advance(StoreSettlement.RECONCILE_EVERY.minusSeconds(1));
        settlement.claim(10);
        assertThat(status("t2")).isEqualTo(TicketStatus.OPEN);

        clock.advance(Duration.ofSeconds(1));
        settlement.claim(10);
        assertThat(status("t2")).isEqualTo(TicketStatus.DISPATCHED);
    }

    /** A ticket whose entries another node delivered and settled, stopping before it marked the ticket. */
    private void deliveredElsewhere(String ticketId, String... entryIds) {
        store.tickets().create(Fixtures.ticket(ticketId, T0), List.of(entryIds).stream()
                .map(id -> Fixtures.entry(id, ticketId, "uor", T0)).toList());
        for (ClaimedEntry claimed : store.outbox().claim("node-gone", 100, Duration.ofSeconds(60))) {
            if (claimed.entry().ticketId().equals(ticketId)) {
                store.outbox().complete(claimed);
            }
        }
        assertThat(status(ticketId)).isEqualTo(TicketStatus.OPEN);
    }

    private TicketStatus status(String ticketId) {
        return store.tickets().find(ticketId).orElseThrow().status();
    }

    private Outcome delivered(ClaimedEntry claimed) {
        return new Outcome.Sent(claimed, new Attempt(clock.instant(), OptionalInt.of(204), Optional.empty(), 3,
                Optional.empty()), new Verdict.Delivered());
    }

    /** The store's tickets, refusing to mark tickets dispatched as many times as asked. */
    private static final class RefusingToMark implements TicketStore {
        private final TicketStore tickets;
        final AtomicInteger refusals = new AtomicInteger();
        final AtomicInteger marks = new AtomicInteger();

        RefusingToMark(TicketStore tickets) {
            this.tickets = tickets;
        }

        @Override
        public List<String> appendEachFrom(List<String> ticketIds, Set<TicketStatus> from,
                                           Function<List<String>, TicketEvent> eventFor) {
            marks.incrementAndGet();
            if (refusals.getAndUpdate(left -> Math.max(0, left - 1)) > 0) {
                throw new StoreException("the store is busy");
            }
            return tickets.appendEachFrom(ticketIds, from, eventFor);
        }

        @Override
        public void create(Ticket ticket, List<OutboxEntry> outbox) {
            tickets.create(ticket, outbox);
        }

        @Override
        public Optional<Ticket> find(String ticketId) {
            return tickets.find(ticketId);
        }

        @Override
        public Ticket append(String ticketId, TicketEvent event, List<OutboxEntry> outbox) {
            return tickets.append(ticketId, event, outbox);
        }

        @Override
        public List<Ticket> appendEach(List<String> ticketIds, Function<Ticket, Optional<TicketEvent>> eventFor) {
            return tickets.appendEach(ticketIds, eventFor);
        }

        @Override
        public List<Ticket> query(TicketQuery query) {
            return tickets.query(query);
        }
    }
}
