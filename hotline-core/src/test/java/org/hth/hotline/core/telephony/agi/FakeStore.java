package org.hth.hotline.core.telephony.agi;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.hth.hotline.core.call.CallQuery;
import org.hth.hotline.core.call.CallRecord;
import org.hth.hotline.core.call.CallRollup;
import org.hth.hotline.core.outbox.OutboxEntry;
import org.hth.hotline.core.referral.Ticket;
import org.hth.hotline.core.referral.TicketEvent;
import org.hth.hotline.core.referral.TicketQuery;
import org.hth.hotline.core.roster.Presence;
import org.hth.hotline.core.roster.RosterVersion;
import org.hth.hotline.core.store.AuditStore;
import org.hth.hotline.core.store.RetentionStore;
import org.hth.hotline.core.store.CallStore;
import org.hth.hotline.core.store.OutboxStore;
import org.hth.hotline.core.store.Page;
import org.hth.hotline.core.store.RosterStore;
import org.hth.hotline.core.store.Store;
import org.hth.hotline.core.store.TicketStore;
import org.hth.hotline.core.store.UserStore;

/** The three sub-stores the route script uses, in memory; the rest refuse. Thread-safe. */
final class FakeStore implements Store {
    final List<CallRecord> calls = new CopyOnWriteArrayList<>();
    final List<Ticket> tickets = new CopyOnWriteArrayList<>();
    /** The threads that read a caller's calls or created a ticket, in order. */
    final List<String> storeThreads = new CopyOnWriteArrayList<>();
    final ConcurrentHashMap<String, Presence> presence = new ConcurrentHashMap<>();

    @Override
    public CallStore calls() {
        return new CallStore() {
            @Override
            public void save(CallRecord call) {
                calls.add(call);
            }

            @Override
            public void saveAll(List<CallRecord> batch) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Optional<CallRecord> find(String callId) {
                return calls.stream().filter(c -> c.callId().equals(callId)).findFirst();
            }

            /** Every call, newest first, in one page (the filters are not applied). */
            @Override
            public Page<CallRecord> query(CallQuery query) {
                List<CallRecord> all = new ArrayList<>(calls);
                all.sort((a, b) -> b.startedAt().compareTo(a.startedAt()));
                return new Page<>(all, Optional.empty());
            }

            @Override
            public CallRollup rollup(LocalDate fromDay, LocalDate toDay) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Page<CallRecord> byCaller(String pseudonym, int limit) {
                storeThreads.add(Thread.currentThread().getName());
                List<CallRecord> mine = new ArrayList<>(calls.stream()
                        .filter(c -> c.callerPseudonym().equals(Optional.of(pseudonym))).toList());
                mine.sort((a, b) -> b.startedAt().compareTo(a.startedAt()));
                return new Page<>(mine.subList(0, Math.min(limit, mine.size())), Optional.empty());
            }
        };
    }

    @Override
    public RosterStore roster() {
        return new RosterStore() {
            @Override
            public RosterVersion save(String document, String savedBy, Instant at) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Optional<RosterVersion> current() {
                return Optional.empty();
            }

            @Override
            public List<RosterVersion> history(int limit) {
                return List.of();
            }

            @Override
            public void setPresence(Presence p) {
                presence.put(p.operatorId(), p);
            }

            @Override
            public Optional<Presence> presence(String operatorId) {
                return Optional.ofNullable(presence.get(operatorId));
            }

            @Override
            public List<Presence> allPresence() {
                return List.copyOf(presence.values());
            }
        };
    }

    @Override
    public TicketStore tickets() {
        return new TicketStore() {
            @Override
            public void create(Ticket ticket, List<OutboxEntry> outbox) {
                storeThreads.add(Thread.currentThread().getName());
                tickets.add(ticket);
            }

            @Override
            public Optional<Ticket> find(String ticketId) {
                return tickets.stream().filter(t -> t.id().equals(ticketId)).findFirst();
            }

            @Override
            public Ticket append(String ticketId, TicketEvent event, List<OutboxEntry> outbox) {
                throw new UnsupportedOperationException();
            }

            @Override
            public List<Ticket> appendEach(List<String> ticketIds,
                                           java.util.function.Function<Ticket, Optional<TicketEvent>> eventFor) {
                throw new UnsupportedOperationException();
            }

            @Override
            public List<Ticket> query(TicketQuery query) {
                return List.copyOf(tickets);
            }
        };
    }

    @Override
    public OutboxStore outbox() {
        throw new UnsupportedOperationException();
    }

    @Override
    public UserStore users() {
        throw new UnsupportedOperationException();
    }

    @Override
    public AuditStore audit() {
        throw new UnsupportedOperationException();
    }

    @Override
    public RetentionStore retention() {
        throw new UnsupportedOperationException();
    }

    @Override
    public org.hth.hotline.core.store.DestinationStore destinations() {
        throw new UnsupportedOperationException();
    }

    @Override
    public void ping() {
    }

    @Override
    public String describe() {
        return "fake";
    }

    @Override
    public void close() {
    }
}
