package org.hth.hotline.core.store.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.hth.hotline.core.outbox.ClaimedEntry;
import org.hth.hotline.core.outbox.OutboxEntry;
import org.hth.hotline.core.outbox.OutboxSettlement;
import org.hth.hotline.core.outbox.OutboxState;
import org.hth.hotline.core.outbox.Resolution;
import org.hth.hotline.core.outbox.SettlementResult;
import org.hth.hotline.core.referral.Ticket;
import org.hth.hotline.core.referral.TicketEvent;
import org.hth.hotline.core.referral.TicketQuery;
import org.hth.hotline.core.referral.TicketStatus;
import org.hth.hotline.core.store.internal.StoreJson;
import org.hth.hotline.core.testing.Fixtures;
import org.hth.hotline.core.testing.MutableClock;
import org.hth.hotline.core.testing.RedisExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import redis.clients.jedis.Jedis;

/**
 * The Redis layout of tickets and outbox entries beyond the store contract: entries written by the code before
 * their fields were kept apart in the hash are still read, claimed and settled; a ticket changed by another
 * writer (another node) is read as stored, including between {@code appendEach}'s read and its write.
 */
class RedisTicketOutboxLayoutIT {
    private static final Instant T0 = Instant.parse("2026-11-22T05:00:00Z");
    private static final Duration LEASE = Duration.ofMinutes(1);

    @RegisterExtension
    final RedisExtension redis = new RedisExtension();
    private final MutableClock clock = new MutableClock(T0);
    private RedisStore store;
    private RedisStore otherNode;

    @AfterEach
    void close() {
        if (store != null) {
            store.close();
        }
        if (otherNode != null) {
            otherNode.close();
        }
    }

    private RedisStore open() {
        return RedisStore.open(redis.url(), Duration.ofSeconds(5), redis.keyPrefix(), clock);
    }

    @Test
    void anEntryWithOnlyItsJsonAsTheEarlierCodeWroteItIsFoundClaimedAndSettled() throws Exception {
        store = open();
        OutboxEntry uor = Fixtures.entry("e1", "t1", "uor", T0);
        OutboxEntry unit = Fixtures.entry("e2", "t1", "uds-asl5", T0);
        store.tickets().create(Fixtures.ticket("t1", T0), List.of(uor, unit));
        try (Jedis jedis = new Jedis(redis.url(), 5_000)) {
            // as the earlier code wrote them: the entry as a JSON document, without its payload, type and instant
            for (OutboxEntry entry : List.of(uor, unit)) {
                String key = redis.keyPrefix() + "outbox:entry:" + entry.id();
                assertThat(jedis.hgetAll(key)).containsKeys("payload", "type", "at");
                jedis.hdel(key, "payload", "type", "at");
                jedis.hset(key, "json", StoreJson.mapper().writeValueAsString(entry));
                assertThat(jedis.hgetAll(key)).containsKey("json").doesNotContainKeys("payload", "type", "at");
            }
        }

        assertThat(store.outbox().find("e1")).contains(uor);
        assertThat(store.outbox().forTicket("t1")).containsExactly(uor, unit);
        List<ClaimedEntry> claimed = store.outbox().claimInOrder("node-a", 10, LEASE);
        assertThat(claimed).extracting(ClaimedEntry::entry).containsExactlyInAnyOrder(uor, unit);

        List<SettlementResult> settled = store.outbox().settle(claimed.stream()
                .map(c -> new OutboxSettlement(c, Optional.empty(), new Resolution.Delivered())).toList());

        assertThat(settled).allSatisfy(r -> assertThat(r.held()).isTrue());
        assertThat(settled).filteredOn(SettlementResult::ticketDelivered).hasSize(1);
        assertThat(store.outbox().forTicket("t1")).extracting(OutboxEntry::state)
                .containsExactly(OutboxState.DELIVERED, OutboxState.DELIVERED);
    }

    @Test
    void aNewEntryKeepsItsFieldsApartAndNoCopyOfItAsJson() {
        store = open();
        OutboxEntry uor = Fixtures.entry("e1", "t1", "uor", T0.plusNanos(123_456_789));
        store.tickets().create(Fixtures.ticket("t1", T0), List.of(uor));

        try (Jedis jedis = new Jedis(redis.url(), 5_000)) {
            Map<String, String> hash = jedis.hgetAll(redis.keyPrefix() + "outbox:entry:e1");
            assertThat(hash).containsEntry("ticket", "t1").containsEntry("dest", "uor")
                    .containsEntry("type", "referral.created").containsEntry("payload", uor.payload())
                    .containsEntry("at", uor.createdAt().toString()).containsEntry("state", "PENDING")
                    .doesNotContainKey("json");
        }
        clock.advance(Duration.ofSeconds(1)); // due 123 ms after T0: in the scheduled set until then
        assertThat(store.outbox().claim("node-a", 1, LEASE)).extracting(ClaimedEntry::entry).containsExactly(uor);
    }

    @Test
    void aTicketAnotherNodeChangedIsReadAsStoredNotAsThisStoreWroteIt() {
        store = open();
        otherNode = open();
        store.tickets().create(Fixtures.ticket("t1", T0), List.of());
        Ticket accepted = otherNode.tickets().append("t1", new TicketEvent(T0.plusSeconds(5), "destination:uor",
                "status", Optional.of(TicketStatus.ACCEPTED), ""), List.of());
        List<TicketStatus> seen = new ArrayList<>();

        assertThat(store.tickets().find("t1")).contains(accepted);
        assertThat(store.tickets().appendEach(List.of("t1"), t -> {
            seen.add(t.status());
            return Optional.empty();
        })).isEmpty();
        assertThat(seen).containsExactly(TicketStatus.ACCEPTED);
    }

    @Test
    void appendEachWritesNothingWhenATicketChangedBetweenItsReadAndItsWriteAndChoosesAgainForThatOne() {
        store = open();
        otherNode = open();
        store.tickets().create(Fixtures.ticket("t1", T0), List.of());
        store.tickets().create(Fixtures.ticket("t2", T0.plusSeconds(1)), List.of());
        TicketEvent note = new TicketEvent(T0.plusSeconds(2), "anna", "note", Optional.empty(), "called back");
        List<String> seen = new ArrayList<>();
        List<TicketStatus> t2WhenT1WasReadAgain = new ArrayList<>();

        List<Ticket> changed = store.tickets().appendEach(List.of("t1", "t2"), ticket -> {
            seen.add(ticket.id() + ":" + ticket.history().size());
            if (seen.size() == 1) {
                otherNode.tickets().append("t1", note, List.of()); // after the read, before the write
            }
            if (seen.size() == 3) {
                t2WhenT1WasReadAgain.add(otherNode.tickets().find("t2").orElseThrow().status());
            }
            return Optional.of(new TicketEvent(T0.plusSeconds(3), "system", "dispatched",
                    Optional.of(TicketStatus.DISPATCHED), ""));
        });

        assertThat(seen).containsExactly("t1:1", "t2:1", "t1:2");
        assertThat(t2WhenT1WasReadAgain).as("all or nothing: t2 not written while t1 had changed")
                .containsExactly(TicketStatus.OPEN);
        assertThat(changed).extracting(Ticket::id).containsExactly("t1", "t2");
        Ticket t1 = store.tickets().find("t1").orElseThrow();
        assertThat(t1).isEqualTo(changed.get(0));
        assertThat(t1.history()).extracting(TicketEvent::action).containsExactly("created", "note", "dispatched");
        assertThat(otherNode.tickets().find("t1")).contains(t1);
        assertThat(store.tickets().query(new TicketQuery(Optional.of(TicketStatus.DISPATCHED), Optional.empty(),
                Optional.empty(), 10))).extracting(Ticket::id).containsExactly("t2", "t1");
        assertThat(store.tickets().query(new TicketQuery(Optional.of(TicketStatus.OPEN), Optional.empty(),
                Optional.empty(), 10))).isEmpty();
    }
}
