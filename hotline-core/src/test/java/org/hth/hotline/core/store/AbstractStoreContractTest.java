package org.hth.hotline.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.hth.hotline.core.audit.AuditEntry;
import org.hth.hotline.core.audit.AuditQuery;
import org.hth.hotline.core.call.CallOutcome;
import org.hth.hotline.core.call.CallQuery;
import org.hth.hotline.core.call.CallRecord;
import org.hth.hotline.core.call.CallRollup;
import org.hth.hotline.core.destination.DestinationOverride;
import org.hth.hotline.core.outbox.ClaimedEntry;
import org.hth.hotline.core.outbox.DeliveryAttempt;
import org.hth.hotline.core.outbox.OutboxDepth;
import org.hth.hotline.core.outbox.OutboxEntry;
import org.hth.hotline.core.outbox.OutboxQuery;
import org.hth.hotline.core.outbox.OutboxSettlement;
import org.hth.hotline.core.outbox.OutboxState;
import org.hth.hotline.core.outbox.ReplaySelection;
import org.hth.hotline.core.outbox.Resolution;
import org.hth.hotline.core.outbox.SettlementResult;
import org.hth.hotline.core.privacy.NumberSealer;
import org.hth.hotline.core.referral.Person;
import org.hth.hotline.core.referral.Territory;
import org.hth.hotline.core.referral.Ticket;
import org.hth.hotline.core.referral.TicketEvent;
import org.hth.hotline.core.referral.TicketQuery;
import org.hth.hotline.core.referral.TicketStatus;
import org.hth.hotline.core.retention.Anonymised;
import org.hth.hotline.core.roster.Presence;
import org.hth.hotline.core.roster.PresenceState;
import org.hth.hotline.core.roster.RosterVersion;
import org.hth.hotline.core.testing.Fixtures;
import org.hth.hotline.core.testing.MutableClock;
import org.hth.hotline.core.user.Role;
import org.hth.hotline.core.user.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link Store} adapter must have. A subclass opens its adapter on fresh, empty data
 * for each test; {@link #openStore} called again within a test must reopen the same data.
 */
public abstract class AbstractStoreContractTest {
    private static final Instant T0 = Instant.parse("2026-11-21T22:00:00Z");
    private static final Duration LEASE = Duration.ofSeconds(60);

    protected final MutableClock clock = new MutableClock(T0);
    protected Store store;

    /** Opens the adapter under test on this test's data, with the given clock. */
    protected abstract Store openStore(MutableClock clock);

    @BeforeEach
    void openTheStore() {
        store = openStore(clock);
    }

    @AfterEach
    void closeTheStore() {
        store.close();
    }

    private void reopen() {
        store.close();
        store = openStore(clock);
    }

    // ---- calls

    @Test
    void savedCallReadsBackWithEveryField() {
        CallRecord call = Fixtures.answeredCall("1700000000.1", T0, "op-anna", "en", Territory.ASL5);
        store.calls().save(call);

        assertThat(store.calls().find("1700000000.1")).contains(call);
        assertThat(store.calls().find("no-such-call")).isEmpty();
    }

    @Test
    void savingTheSameCallIdAgainReplacesTheRecord() {
        store.calls().save(Fixtures.abandonedCall("c1", T0, "ps-1"));
        CallRecord answered = Fixtures.answeredCall("c1", T0, "op-anna", "it", Territory.ASL3);
        store.calls().save(answered);

        assertThat(store.calls().find("c1")).contains(answered);
        assertThat(store.calls().query(CallQuery.all(10)).items()).containsExactly(answered);
        assertThat(store.calls().query(CallQuery.all(10).withOutcome(CallOutcome.ABANDONED)).items()).isEmpty();
    }

    @Test
    void queryPagesNewestFirstWithoutGapsOrRepeats() {
        List<CallRecord> all = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            // every third call shares its start with the one before it: paging must still be total
            Instant start = T0.plusSeconds(60L * (i - i / 3));
            CallRecord call = Fixtures.abandonedCall(String.format("c%02d", i), start, "ps-" + i);
            store.calls().save(call);
            all.add(call);
        }
        all.sort(Comparator.comparing(CallRecord::startedAt).thenComparing(CallRecord::callId).reversed());

        List<CallRecord> walked = new ArrayList<>();
        CallQuery query = CallQuery.all(7);
        while (true) {
            Page<CallRecord> page = store.calls().query(query);
            assertThat(page.items()).hasSizeLessThanOrEqualTo(7);
            walked.addAll(page.items());
            if (page.next().isEmpty()) {
                break;
            }
            query = query.after(page.next().get());
        }
        assertThat(walked).containsExactlyElementsOf(all);
    }

    @Test
    void lastPageHasNoNextCursor() {
        store.calls().save(Fixtures.abandonedCall("c1", T0, "ps-1"));
        store.calls().save(Fixtures.abandonedCall("c2", T0.plusSeconds(1), "ps-1"));

        Page<CallRecord> first = store.calls().query(CallQuery.all(2));
        assertThat(first.items()).extracting(CallRecord::callId).containsExactly("c2", "c1");
        assertThat(first.next()).isEmpty();
        Page<CallRecord> partial = store.calls().query(CallQuery.all(1));
        assertThat(partial.next()).contains("c2");
    }

    @Test
    void pagingAfterAnUnknownCallIdIsNotFound() {
        assertThatThrownBy(() -> store.calls().query(CallQuery.all(5).after("no-such-call")))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void queryFiltersByPeriodOutcomeOperatorLanguageAndTerritory() {
        store.calls().save(Fixtures.answeredCall("a1", T0, "op-anna", "en", Territory.ASL5));
        store.calls().save(Fixtures.answeredCall("a2", T0.plusSeconds(3600), "op-luca", "fr", Territory.ASL1));
        store.calls().save(Fixtures.answeredCall("a3", T0.plusSeconds(7200), "op-anna", "fr", Territory.ASL1));
        store.calls().save(Fixtures.abandonedCall("b1", T0.plusSeconds(5400), "ps-9"));

        assertThat(ids(CallQuery.all(50).between(T0.plusSeconds(1), T0.plusSeconds(7200))))
                .containsExactly("b1", "a2");
        assertThat(ids(CallQuery.all(50).withOutcome(CallOutcome.ABANDONED))).containsExactly("b1");
        assertThat(ids(CallQuery.all(50).withOperator("op-anna"))).containsExactly("a3", "a1");
        assertThat(ids(CallQuery.all(50).withLanguage("fr"))).containsExactly("a3", "a2");
        assertThat(ids(CallQuery.all(50).withTerritory(Territory.ASL1))).containsExactly("a3", "a2");
        assertThat(ids(CallQuery.all(50).withOperator("op-anna").withLanguage("fr").withTerritory(Territory.ASL1)))
                .containsExactly("a3");
    }

    @Test
    void queryFiltersByWhetherTheCallHasATicket() {
        CallRecord plain = Fixtures.answeredCall("t1", T0, "op-anna", "en", Territory.ASL5);
        store.calls().save(plain);
        store.calls().save(withTickets(Fixtures.answeredCall("t2", T0.plusSeconds(60), "op-anna", "en",
                Territory.ASL5), "01TICKET2"));
        store.calls().save(withTickets(Fixtures.abandonedCall("t3", T0.plusSeconds(120), "ps-3"), "01TICKET3"));

        assertThat(ids(CallQuery.all(50).withHasTicket(true))).containsExactly("t3", "t2");
        assertThat(ids(CallQuery.all(50).withHasTicket(false))).containsExactly("t1");
        assertThat(ids(CallQuery.all(50).withHasTicket(true).withOutcome(CallOutcome.ANSWERED)))
                .containsExactly("t2");
        Page<CallRecord> first = store.calls().query(CallQuery.all(1).withHasTicket(true));
        assertThat(ids(CallQuery.all(1).withHasTicket(true).after(first.next().orElseThrow())))
                .containsExactly("t2");
    }

    private static CallRecord withTickets(CallRecord c, String... tickets) {
        return new CallRecord(c.callId(), c.line(), c.callerPseudonym(), c.callerWithheld(), c.startedAt(),
                c.answeredAt(), c.endedAt(), c.waitSeconds(), c.talkSeconds(), c.language(), c.attempts(),
                c.answeredBy(), c.outcome(), c.hangupCause(), c.notes(), c.category(), c.tags(), c.territory(),
                List.of(tickets));
    }

    @Test
    void filteredQueryPagesTogetherWithItsFilter() {
        for (int i = 0; i < 20; i++) {
            String language = i % 2 == 0 ? "ro" : "ar";
            store.calls().save(Fixtures.answeredCall("c" + (100 + i), T0.plusSeconds(i), "op-ivan", language,
                    Territory.ASL2));
        }
        Page<CallRecord> first = store.calls().query(CallQuery.all(4).withLanguage("ro"));
        Page<CallRecord> second = store.calls().query(CallQuery.all(4).withLanguage("ro").after(first.next().get()));

        assertThat(first.items()).extracting(CallRecord::callId).containsExactly("c118", "c116", "c114", "c112");
        assertThat(second.items()).extracting(CallRecord::callId).containsExactly("c110", "c108", "c106", "c104");
    }

    @Test
    void callerHistoryHoldsOnlyThatPseudonymNewestFirst() {
        store.calls().save(Fixtures.abandonedCall("c1", T0, "ps-alpha"));
        store.calls().save(Fixtures.abandonedCall("c2", T0.plusSeconds(60), "ps-beta"));
        store.calls().save(Fixtures.abandonedCall("c3", T0.plusSeconds(120), "ps-alpha"));

        assertThat(store.calls().byCaller("ps-alpha", 10).items()).extracting(CallRecord::callId)
                .containsExactly("c3", "c1");
    }

    @Test
    void aBatchWritesNewCallsAndReplacesEarlierOnesAsSaveWould() {
        store.calls().save(Fixtures.abandonedCall("c1", T0, "ps-1"));
        CallRecord replaced = Fixtures.answeredCall("c1", T0, "op-anna", "it", Territory.ASL3);
        CallRecord fresh = Fixtures.abandonedCall("c2", T0.plusSeconds(60), "ps-2");
        CallRecord later = Fixtures.answeredCall("c3", T0.plusSeconds(120), "op-luca", "fr", Territory.ASL1);
        CallRecord laterAgain = Fixtures.answeredCall("c3", T0.plusSeconds(180), "op-ivan", "ro", Territory.ASL2);

        store.calls().saveAll(List.of(replaced, fresh, later, laterAgain));

        assertThat(store.calls().find("c1")).contains(replaced);
        assertThat(store.calls().find("c3")).contains(laterAgain);
        assertThat(store.calls().query(CallQuery.all(10)).items()).containsExactly(laterAgain, fresh, replaced);
        assertThat(ids(CallQuery.all(10).withOutcome(CallOutcome.ABANDONED))).containsExactly("c2");
        assertThat(ids(CallQuery.all(10).withOperator("op-luca"))).isEmpty();
        assertThat(ids(CallQuery.all(10).withLanguage("ro"))).containsExactly("c3");
        assertThat(store.calls().byCaller("ps-1", 10).items()).isEmpty();
    }

    @Test
    void aBatchLargerThanAnyChunkReadsBackWhole() {
        List<CallRecord> batch = new ArrayList<>();
        for (int i = 0; i < 1_234; i++) {
            batch.add(Fixtures.abandonedCall(String.format("c%04d", i), T0.plusSeconds(i), "ps-" + i % 7));
        }

        store.calls().saveAll(batch);
        store.calls().saveAll(List.of());

        List<CallRecord> newestFirst = new ArrayList<>(batch);
        Collections.reverse(newestFirst);
        List<CallRecord> walked = new ArrayList<>();
        Page<CallRecord> page = store.calls().query(CallQuery.all(500));
        walked.addAll(page.items());
        while (page.next().isPresent()) {
            page = store.calls().query(CallQuery.all(500).after(page.next().get()));
            walked.addAll(page.items());
        }
        assertThat(walked).containsExactlyElementsOf(newestFirst);
    }

    @Test
    void aBatchThatFailsPartWayWritesNothing() {
        store.calls().save(Fixtures.abandonedCall("c1", T0, "ps-1"));
        refuseCallWrites("c3");
        List<CallRecord> batch = List.of(Fixtures.answeredCall("c1", T0, "op-anna", "it", Territory.ASL3),
                Fixtures.abandonedCall("c2", T0.plusSeconds(60), "ps-2"),
                Fixtures.abandonedCall("c3", T0.plusSeconds(120), "ps-3"));

        assertThatThrownBy(() -> store.calls().saveAll(batch)).isInstanceOf(StoreException.class);

        assertThat(store.calls().find("c1")).contains(Fixtures.abandonedCall("c1", T0, "ps-1"));
        assertThat(store.calls().find("c2")).isEmpty();
        assertThat(ids(CallQuery.all(10))).containsExactly("c1");
        assertThat(store.calls().rollup(DAY0, DAY0.plusDays(2)))
                .isEqualTo(expectedRollup(List.of(Fixtures.abandonedCall("c1", T0, "ps-1")), DAY0, DAY0.plusDays(2)));
    }

    // ---- the call rollup

    private static final LocalDate DAY0 = LocalDate.ofInstant(T0, ZoneOffset.UTC);

    @Test
    void theRollupCountsTheCallsOfItsUtcDaysByHourOutcomeLanguageTerritoryWaitAndOperator() {
        CallRecord anna = Fixtures.answeredCall("c1", T0, "op-anna", "it", Territory.ASL3);
        CallRecord luca = Fixtures.answeredCall("c2", T0.plus(Duration.ofMinutes(30)), "op-luca", "fr", Territory.ASL1);
        CallRecord nextDay = Fixtures.abandonedCall("c3", T0.plus(Duration.ofHours(3)), "ps-3");
        CallRecord before = Fixtures.answeredCall("c4", T0.minus(Duration.ofDays(2)), "op-anna", "en", Territory.ASL2);
        store.calls().saveAll(List.of(anna, luca, nextDay));
        store.calls().save(before);

        CallRollup twoDays = store.calls().rollup(DAY0, DAY0.plusDays(2));

        assertThat(twoDays.perHour()).containsExactly(Map.entry(T0, 2L), Map.entry(T0.plus(Duration.ofHours(3)), 1L));
        assertThat(twoDays.calls()).isEqualTo(3);
        assertThat(twoDays.byOutcome()).containsExactly(Map.entry("ABANDONED", 1L), Map.entry("ANSWERED", 2L));
        assertThat(twoDays.byLanguage()).containsExactly(Map.entry("en", 1L), Map.entry("fr", 1L),
                Map.entry("it", 1L));
        assertThat(twoDays.byTerritory()).containsExactly(Map.entry(CallRollup.NONE, 1L), Map.entry("ASL1", 1L),
                Map.entry("ASL3", 1L));
        assertThat(twoDays.answerWaits()).containsExactly(Map.entry(25L, 2L));
        assertThat(twoDays.abandonWaits()).containsExactly(Map.entry(12L, 1L));
        assertThat(twoDays.answeredBy()).containsExactly(Map.entry("op-anna", 1L), Map.entry("op-luca", 1L));
        assertThat(twoDays.talkSeconds()).containsExactly(Map.entry("op-anna", 300L), Map.entry("op-luca", 300L));
        assertThat(store.calls().rollup(DAY0, DAY0.plusDays(1)))
                .isEqualTo(expectedRollup(List.of(anna, luca), DAY0, DAY0.plusDays(1)));
        assertThat(store.calls().rollup(DAY0.minusDays(2), DAY0.minusDays(1)).calls()).isEqualTo(1);
        assertThat(store.calls().rollup(DAY0.plusDays(5), DAY0.plusDays(9))).isEqualTo(expectedRollup(List.of(),
                DAY0, DAY0));
        assertThat(store.calls().rollup(DAY0, DAY0)).isEqualTo(expectedRollup(List.of(), DAY0, DAY0));
    }

    @Test
    void aReplacedCallLeavesTheRollupAsIfOnlyItsLastRecordHadBeenSaved() {
        store.calls().save(Fixtures.abandonedCall("c1", T0, "ps-1"));
        store.calls().save(Fixtures.answeredCall("c2", T0.plusSeconds(60), "op-anna", "it", Territory.ASL3));
        CallRecord answeredNextDay = Fixtures.answeredCall("c1", T0.plus(Duration.ofDays(1)), "op-luca", "ar",
                Territory.ASL4);
        CallRecord c2Again = Fixtures.answeredCall("c2", T0.plusSeconds(60), "op-ivan", "ro", Territory.ASL2);
        CallRecord c3 = Fixtures.abandonedCall("c3", T0.plusSeconds(90), "ps-3");
        CallRecord c3Again = Fixtures.answeredCall("c3", T0.plusSeconds(95), "op-sara", "en", Territory.ASL1);

        store.calls().save(answeredNextDay);
        store.calls().saveAll(List.of(c2Again, c3, c3Again));

        assertThat(store.calls().rollup(DAY0.minusDays(1), DAY0.plusDays(3)))
                .isEqualTo(expectedRollup(List.of(answeredNextDay, c2Again, c3Again), DAY0.minusDays(1),
                        DAY0.plusDays(3)));
    }

    @Test
    void anonymisingLeavesTheRollupAsItWas() {
        store.calls().save(Fixtures.answeredCall("c1", T0, "op-anna", "it", Territory.ASL3));
        store.calls().save(Fixtures.abandonedCall("c2", T0.plusSeconds(60), "ps-2"));
        CallRollup before = store.calls().rollup(DAY0, DAY0.plusDays(1));

        assertThat(store.retention().anonymiseBefore(T0.plus(Duration.ofDays(1)))).isEqualTo(new Anonymised(2, 0));

        assertThat(before.calls()).isEqualTo(2);
        assertThat(store.calls().rollup(DAY0, DAY0.plusDays(1))).isEqualTo(before);
    }

    @Test
    void theRollupIsKeptWhenTheStoreIsReopened() {
        store.calls().save(Fixtures.answeredCall("c1", T0, "op-anna", "it", Territory.ASL3));
        CallRollup before = store.calls().rollup(DAY0, DAY0.plusDays(1));

        reopen();

        assertThat(before.calls()).isEqualTo(1);
        assertThat(store.calls().rollup(DAY0, DAY0.plusDays(1))).isEqualTo(before);
    }

    @Test
    void concurrentSavesOfTheSameAndOfDifferentCallsLeaveTheRollupEqualToTheRecordsKept() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> writers = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int writer = t;
                writers.add(pool.submit(() -> {
                    for (int i = 0; i < 30; i++) {
                        Instant at = T0.plus(Duration.ofMinutes(97L * i + writer));
                        String shared = "shared-" + i % 5;
                        CallRecord mine = i % 2 == 0
                                ? Fixtures.answeredCall("w" + writer + "-" + i, at, "op-" + writer, "it", Territory.ASL3)
                                : Fixtures.abandonedCall("w" + writer + "-" + i, at, "ps-" + writer);
                        CallRecord contended = writer % 2 == 0
                                ? Fixtures.answeredCall(shared, at, "op-" + writer, "en", Territory.ASL5)
                                : Fixtures.abandonedCall(shared, at, "ps-" + writer);
                        if (i % 3 == 0) {
                            store.calls().saveAll(List.of(mine, contended));
                        } else {
                            store.calls().save(mine);
                            store.calls().save(contended);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> writer : writers) {
                writer.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        List<CallRecord> kept = new ArrayList<>();
        Page<CallRecord> page = store.calls().query(CallQuery.all(500));
        kept.addAll(page.items());
        assertThat(page.next()).isEmpty();
        assertThat(kept).hasSize(4 * 30 + 5);
        LocalDate last = DAY0.plusDays(3);
        assertThat(store.calls().rollup(DAY0, last)).isEqualTo(expectedRollup(kept, DAY0, last));
    }

    /** The rollup counted by hand from records, independently of the adapters' own counting. */
    private static CallRollup expectedRollup(List<CallRecord> calls, LocalDate from, LocalDate to) {
        TreeMap<Instant, Long> perHour = new TreeMap<>();
        TreeMap<String, Long> outcome = new TreeMap<>();
        TreeMap<String, Long> language = new TreeMap<>();
        TreeMap<String, Long> territory = new TreeMap<>();
        TreeMap<Long, Long> answer = new TreeMap<>();
        TreeMap<Long, Long> abandon = new TreeMap<>();
        TreeMap<String, Long> operator = new TreeMap<>();
        TreeMap<String, Long> talk = new TreeMap<>();
        for (CallRecord c : calls) {
            LocalDate day = LocalDate.ofInstant(c.startedAt(), ZoneOffset.UTC);
            if (day.isBefore(from) || !day.isBefore(to)) {
                continue;
            }
            perHour.merge(c.startedAt().truncatedTo(ChronoUnit.HOURS), 1L, Long::sum);
            outcome.merge(c.outcome().name(), 1L, Long::sum);
            language.merge(c.language().orElse(""), 1L, Long::sum);
            territory.merge(c.territory().map(Enum::name).orElse(""), 1L, Long::sum);
            if (c.outcome() == CallOutcome.ANSWERED) {
                answer.merge(c.waitSeconds(), 1L, Long::sum);
                operator.merge(c.answeredBy().orElse(""), 1L, Long::sum);
                talk.merge(c.answeredBy().orElse(""), c.talkSeconds(), Long::sum);
            } else if (c.outcome() == CallOutcome.ABANDONED) {
                abandon.merge(c.waitSeconds(), 1L, Long::sum);
            }
        }
        return new CallRollup(perHour, outcome, language, territory, answer, abandon, operator, talk);
    }

    /**
     * Makes the adapter fail, from now on, to write the call with this id, for the all-or-nothing test of
     * {@link CallStore#saveAll}. An adapter that does not promise a batch is all-or-nothing keeps this
     * default, which skips the test.
     */
    protected void refuseCallWrites(String callId) {
        Assumptions.abort("this adapter does not promise that a batch is all-or-nothing");
    }

    private List<String> ids(CallQuery query) {
        return store.calls().query(query).items().stream().map(CallRecord::callId).toList();
    }

    // ---- roster and presence

    @Test
    void rosterVersionsCountUpAndTheNewestIsCurrent() {
        assertThat(store.roster().current()).isEmpty();
        RosterVersion first = store.roster().save("timezone: Europe/Rome\n", "config", T0);
        RosterVersion second = store.roster().save("timezone: Europe/Rome\n# edited\n", "marta", T0.plusSeconds(9));

        assertThat(first.version()).isEqualTo(1);
        assertThat(second.version()).isEqualTo(2);
        assertThat(store.roster().current()).contains(second);
        assertThat(store.roster().history(10)).containsExactly(second, first);
    }

    @Test
    void presenceIsKeptPerOperatorAndReplaced() {
        store.roster().setPresence(new Presence("op-anna", PresenceState.AVAILABLE, T0));
        store.roster().setPresence(new Presence("op-luca", PresenceState.AWAY, T0));
        Presence wrapUp = new Presence("op-anna", PresenceState.WRAP_UP, T0.plusSeconds(60));
        store.roster().setPresence(wrapUp);

        assertThat(store.roster().presence("op-anna")).contains(wrapUp);
        assertThat(store.roster().presence("op-nobody")).isEmpty();
        assertThat(store.roster().allPresence()).extracting(Presence::operatorId)
                .containsExactlyInAnyOrder("op-anna", "op-luca");
    }

    // ---- tickets

    @Test
    void ticketAndItsOutboxEntriesAreWrittenTogether() {
        Ticket ticket = Fixtures.ticket("t1", T0);
        store.tickets().create(ticket, List.of(Fixtures.entry("e1", "t1", "uor", T0),
                Fixtures.entry("e2", "t1", "uds-asl5", T0)));

        assertThat(store.tickets().find("t1")).contains(ticket);
        assertThat(store.outbox().forTicket("t1")).extracting(OutboxEntry::id).containsExactly("e1", "e2");
        assertThat(store.outbox().find("e1")).contains(Fixtures.entry("e1", "t1", "uor", T0));
    }

    @Test
    void creatingATicketWithATakenIdStoresNothingNew() {
        store.tickets().create(Fixtures.ticket("t1", T0), List.of(Fixtures.entry("e1", "t1", "uor", T0)));

        assertThatThrownBy(() -> store.tickets().create(Fixtures.ticket("t1", T0.plusSeconds(5)),
                List.of(Fixtures.entry("e2", "t1", "uds-asl1", T0))))
                .isInstanceOf(AlreadyExistsException.class);
        assertThat(store.outbox().find("e2")).isEmpty();
        assertThat(store.tickets().find("t1").get().createdAt()).isEqualTo(T0);
    }

    @Test
    void creatingATicketWithATakenOrRepeatedEntryIdStoresNothing() {
        store.tickets().create(Fixtures.ticket("t1", T0), List.of(Fixtures.entry("e1", "t1", "uor", T0)));

        assertThatThrownBy(() -> store.tickets().create(Fixtures.ticket("t2", T0), List.of(
                Fixtures.entry("e2", "t2", "uor", T0), Fixtures.entry("e1", "t2", "uds-asl5", T0))))
                .isInstanceOf(AlreadyExistsException.class);
        assertThatThrownBy(() -> store.tickets().create(Fixtures.ticket("t3", T0), List.of(
                Fixtures.entry("e3", "t3", "uor", T0), Fixtures.entry("e3", "t3", "uds-asl5", T0))))
                .isInstanceOf(AlreadyExistsException.class);

        assertThat(store.tickets().find("t2")).isEmpty();
        assertThat(store.tickets().find("t3")).isEmpty();
        assertThat(store.outbox().find("e2")).isEmpty();
        assertThat(store.outbox().find("e3")).isEmpty();
        assertThat(store.outbox().find("e1").orElseThrow().ticketId()).isEqualTo("t1");
    }

    @Test
    void appendingAnEventMovesTheStatusKeepsTheHistoryAndWritesTheOutbox() {
        store.tickets().create(Fixtures.ticket("t1", T0), List.of());
        TicketEvent accepted = new TicketEvent(T0.plusSeconds(90), "destination:uor", "status",
                Optional.of(TicketStatus.ACCEPTED), "");
        Ticket after = store.tickets().append("t1", accepted, List.of(Fixtures.entry("e9", "t1", "uor", T0)));

        assertThat(after.status()).isEqualTo(TicketStatus.ACCEPTED);
        assertThat(after.history()).hasSize(2).last().isEqualTo(accepted);
        assertThat(store.tickets().find("t1")).contains(after);
        assertThat(store.outbox().find("e9")).isPresent();
    }

    @Test
    void appendingToAnUnknownTicketIsNotFoundAndWritesNothing() {
        TicketEvent event = new TicketEvent(T0, "system", "note", Optional.empty(), "");
        assertThatThrownBy(() -> store.tickets().append("nope", event, List.of(Fixtures.entry("e1", "nope", "uor", T0))))
                .isInstanceOf(NotFoundException.class);
        assertThat(store.outbox().find("e1")).isEmpty();
    }

    @Test
    void appendEachAppendsTheChosenEventsFromTheStoredTicketsAndLeavesTheRest() {
        store.tickets().create(Fixtures.ticket("t1", T0), List.of());
        store.tickets().create(Fixtures.ticket("t2", T0.plusSeconds(10)), List.of());
        store.tickets().create(Fixtures.ticket("t3", T0.plusSeconds(20)), List.of());
        Ticket accepted = store.tickets().append("t2", new TicketEvent(T0.plusSeconds(30), "destination:uor", "status",
                Optional.of(TicketStatus.ACCEPTED), ""), List.of());
        List<String> seen = new ArrayList<>();

        List<Ticket> changed = store.tickets().appendEach(List.of("t3", "t2", "nope", "t1", "t3"), ticket -> {
            seen.add(ticket.id() + ":" + ticket.status());
            return ticket.status() == TicketStatus.OPEN ? Optional.of(new TicketEvent(T0.plusSeconds(40), "system",
                    "dispatched", Optional.of(TicketStatus.DISPATCHED), "to " + ticket.destinations()))
                    : Optional.empty();
        });

        assertThat(seen).contains("t1:OPEN", "t2:ACCEPTED", "t3:OPEN").doesNotContain("t2:OPEN");
        assertThat(changed).extracting(Ticket::id).containsExactly("t3", "t1");
        assertThat(changed).allSatisfy(t -> {
            assertThat(t.status()).isEqualTo(TicketStatus.DISPATCHED);
            assertThat(t.history()).hasSize(2).last().extracting(TicketEvent::detail)
                    .isEqualTo("to [uor, uds-asl5]");
            assertThat(store.tickets().find(t.id())).contains(t);
        });
        assertThat(store.tickets().find("t2")).contains(accepted);
        assertThat(store.tickets().find("nope")).isEmpty();
        assertThat(store.tickets().query(new TicketQuery(Optional.of(TicketStatus.DISPATCHED), Optional.empty(),
                Optional.empty(), 10))).extracting(Ticket::id).containsExactly("t3", "t1");
        assertThat(store.tickets().query(new TicketQuery(Optional.of(TicketStatus.OPEN), Optional.empty(),
                Optional.empty(), 10))).isEmpty();
    }

    @Test
    void appendEachWithNothingChosenChangesNothing() {
        Ticket ticket = Fixtures.ticket("t1", T0);
        store.tickets().create(ticket, List.of());

        assertThat(store.tickets().appendEach(List.of(), t -> Optional.empty())).isEmpty();
        assertThat(store.tickets().appendEach(List.of("t1", "nope"), t -> Optional.empty())).isEmpty();
        assertThat(store.tickets().find("t1")).contains(ticket);
        assertThat(store.tickets().query(new TicketQuery(Optional.of(TicketStatus.OPEN), Optional.empty(),
                Optional.empty(), 10))).extracting(Ticket::id).containsExactly("t1");
    }

    @Test
    void appendEachFromAppendsTheEventMadeFromTheDestinationsToTicketsInTheGivenStatuses() {
        Ticket t1 = Fixtures.ticket("t1", T0);
        store.tickets().create(t1, List.of());
        store.tickets().create(Fixtures.ticket("t2", T0.plusSeconds(10)), List.of());
        Ticket t3 = Fixtures.ticket("t3", T0.plusSeconds(20));
        store.tickets().create(t3, List.of());
        Ticket accepted = store.tickets().append("t2", new TicketEvent(T0.plusSeconds(30), "destination:uor", "status",
                Optional.of(TicketStatus.ACCEPTED), ""), List.of());
        Instant at = T0.plusSeconds(40).plusNanos(123_456_789);
        List<List<String>> seen = new ArrayList<>();

        List<String> changed = store.tickets().appendEachFrom(List.of("t3", "t2", "nope", "t1", "t3"),
                Set.of(TicketStatus.OPEN), destinations -> {
                    seen.add(destinations);
                    return new TicketEvent(at, "system", "dispatched", Optional.of(TicketStatus.DISPATCHED),
                            "delivered to " + String.join(", ", destinations) + " \"quoted\" \u00e8");
                });

        assertThat(changed).containsExactly("t3", "t1");
        assertThat(seen).containsOnly(List.of("uor", "uds-asl5"));
        TicketEvent expected = new TicketEvent(at, "system", "dispatched", Optional.of(TicketStatus.DISPATCHED),
                "delivered to uor, uds-asl5 \"quoted\" \u00e8");
        assertThat(store.tickets().find("t1")).contains(t1.with(expected));
        assertThat(store.tickets().find("t3")).contains(t3.with(expected));
        assertThat(store.tickets().find("t2")).contains(accepted);
        assertThat(store.tickets().query(new TicketQuery(Optional.of(TicketStatus.DISPATCHED), Optional.empty(),
                Optional.empty(), 10))).extracting(Ticket::id).containsExactly("t3", "t1");
        assertThat(store.tickets().appendEachFrom(List.of("t1", "t3"), Set.of(TicketStatus.OPEN), d -> expected))
                .isEmpty();
        assertThat(store.tickets().find("t1").orElseThrow().history()).hasSize(2);
    }

    @Test
    void appendEachFromWithAnEventWithoutStatusKeepsTheStatus() {
        Ticket t1 = Fixtures.ticket("t1", T0);
        store.tickets().create(t1, List.of());
        TicketEvent note = new TicketEvent(T0.plusSeconds(5), "system", "note", Optional.empty(), "");

        assertThat(store.tickets().appendEachFrom(List.of("t1"), Set.of(TicketStatus.OPEN, TicketStatus.DISPATCHED),
                destinations -> note)).containsExactly("t1");
        assertThat(store.tickets().find("t1")).contains(t1.with(note));
        assertThat(store.tickets().appendEachFrom(List.of(), Set.of(TicketStatus.OPEN), destinations -> note))
                .isEmpty();
    }

    @Test
    void ticketsAreQueriedByStatusDestinationAndCallNewestFirst() {
        store.tickets().create(Fixtures.ticket("t1", T0), List.of());
        store.tickets().create(Fixtures.ticket("t2", T0.plusSeconds(10)), List.of());
        store.tickets().append("t2", new TicketEvent(T0.plusSeconds(20), "system", "dispatched",
                Optional.of(TicketStatus.DISPATCHED), ""), List.of());

        assertThat(store.tickets().query(TicketQuery.all(10))).extracting(Ticket::id).containsExactly("t2", "t1");
        assertThat(store.tickets().query(new TicketQuery(Optional.of(TicketStatus.OPEN), Optional.empty(),
                Optional.empty(), 10))).extracting(Ticket::id).containsExactly("t1");
        assertThat(store.tickets().query(new TicketQuery(Optional.empty(), Optional.of("uds-asl5"),
                Optional.empty(), 10))).extracting(Ticket::id).containsExactly("t2", "t1");
        assertThat(store.tickets().query(new TicketQuery(Optional.empty(), Optional.of("uds-asl1"),
                Optional.empty(), 10))).isEmpty();
        assertThat(store.tickets().query(new TicketQuery(Optional.empty(), Optional.empty(),
                Optional.of("call-t1"), 10))).extracting(Ticket::id).containsExactly("t1");
    }

    @Test
    void ticketsAreQueriedByCreationPeriodAloneAndWithAnotherFilter() {
        store.tickets().create(Fixtures.ticket("t1", T0), List.of());
        store.tickets().create(Fixtures.ticket("t2", T0.plusSeconds(10)), List.of());
        store.tickets().create(Fixtures.ticket("t3", T0.plusSeconds(20).plusNanos(1_500)), List.of());
        store.tickets().append("t2", new TicketEvent(T0.plusSeconds(30), "system", "dispatched",
                Optional.of(TicketStatus.DISPATCHED), ""), List.of());

        assertThat(store.tickets().query(TicketQuery.all(10).createdBetween(T0.plusSeconds(1), T0.plusSeconds(30))))
                .extracting(Ticket::id).containsExactly("t3", "t2");
        assertThat(store.tickets().query(TicketQuery.all(10).createdBetween(T0, T0.plusSeconds(10))))
                .extracting(Ticket::id).containsExactly("t1");
        assertThat(store.tickets().query(TicketQuery.all(10).createdBetween(T0.plusSeconds(20).plusNanos(1_000),
                T0.plusSeconds(20).plusNanos(2_000)))).extracting(Ticket::id).containsExactly("t3");
        assertThat(store.tickets().query(TicketQuery.all(10).createdBetween(T0.plusSeconds(20).plusNanos(2_000),
                T0.plusSeconds(21)))).isEmpty();
        assertThat(store.tickets().query(new TicketQuery(Optional.of(TicketStatus.OPEN), Optional.empty(),
                Optional.empty(), 10).createdBetween(T0, T0.plusSeconds(60)))).extracting(Ticket::id)
                .containsExactly("t3", "t1");
        assertThat(store.tickets().query(TicketQuery.all(1).createdBetween(T0, T0.plusSeconds(60))))
                .extracting(Ticket::id).containsExactly("t3");
    }

    // ---- outbox

    private void enqueue(String ticketId, String... entryIds) {
        List<OutboxEntry> entries = new ArrayList<>();
        for (String id : entryIds) {
            entries.add(Fixtures.entry(id, ticketId, "uor", clock.instant()));
        }
        store.tickets().create(Fixtures.ticket(ticketId, clock.instant()), entries);
    }

    @Test
    void anEntryComesBackAsWrittenToTheNanosecondWhenReadClaimedAndSettled() {
        Instant created = T0.plusNanos(987_654_321);
        OutboxEntry entry = new OutboxEntry("e1", "t1", "uor", "referral.created", "{\"a\":\"\u00e8 \\\"x\\\"\"}",
                created, created.plusNanos(1), 0, OutboxState.PENDING, Optional.empty());
        store.tickets().create(Fixtures.ticket("t1", T0), List.of(entry));
        clock.advance(Duration.ofSeconds(1));

        assertThat(store.outbox().find("e1")).contains(entry);
        assertThat(store.outbox().forTicket("t1")).containsExactly(entry);
        ClaimedEntry claimed = store.outbox().claimInOrder("node-a", 10, LEASE).get(0);
        assertThat(claimed.entry()).isEqualTo(entry);
        Instant next = clock.instant().plusNanos(456_789);
        store.outbox().retryLater(claimed, next, "HTTP 503");
        assertThat(store.outbox().find("e1")).contains(new OutboxEntry("e1", "t1", "uor", "referral.created",
                entry.payload(), created, next, 1, OutboxState.PENDING, Optional.of("HTTP 503")));
    }

    @Test
    void claimTakesDueEntriesOldestFirstUpToTheLimit() {
        enqueue("t1", "e1", "e2");
        clock.advance(Duration.ofSeconds(1));
        enqueue("t2", "e3");

        List<ClaimedEntry> claimed = store.outbox().claim("node-a", 2, LEASE);
        assertThat(claimed).extracting(ClaimedEntry::id).containsExactly("e1", "e2");
        assertThat(claimed).allSatisfy(c -> {
            assertThat(c.claimer()).isEqualTo("node-a");
            assertThat(c.leaseUntil()).isEqualTo(clock.instant().plus(LEASE));
        });
        assertThat(store.outbox().claim("node-a", 2, LEASE)).extracting(ClaimedEntry::id).containsExactly("e3");
    }

    @Test
    void anEntryIsNotClaimedAgainWhileItsLeaseLives() {
        enqueue("t1", "e1");
        assertThat(store.outbox().claim("node-a", 10, LEASE)).hasSize(1);

        clock.advance(LEASE.minusSeconds(1));
        assertThat(store.outbox().claim("node-b", 10, LEASE)).isEmpty();
    }

    @Test
    void anEntryWhoseClaimerDiedIsClaimedAgainAfterTheLease() {
        enqueue("t1", "e1");
        ClaimedEntry first = store.outbox().claim("node-a", 10, LEASE).get(0);

        clock.advance(LEASE.plusSeconds(1));
        List<ClaimedEntry> again = store.outbox().claim("node-b", 10, LEASE);
        assertThat(again).extracting(ClaimedEntry::id).containsExactly("e1");
        assertThat(again.get(0).claimer()).isEqualTo("node-b");

        assertThatThrownBy(() -> store.outbox().complete(first)).isInstanceOf(LeaseLostException.class);
        store.outbox().complete(again.get(0));
        assertThat(store.outbox().find("e1").get().state()).isEqualTo(OutboxState.DELIVERED);
    }

    @Test
    void twoClaimersNeverHoldTheSameEntry() throws Exception {
        String[] ids = new String[120];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = String.format("e%03d", i);
        }
        for (int t = 0; t < 12; t++) {
            enqueue("t" + t, java.util.Arrays.copyOfRange(ids, t * 10, t * 10 + 10));
        }

        Map<String, String> holder = new ConcurrentHashMap<>();
        AtomicInteger duplicates = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> claimers = new ArrayList<>();
            for (int n = 0; n < 4; n++) {
                String claimer = "node-" + n;
                claimers.add(pool.submit(() -> {
                    List<ClaimedEntry> batch;
                    while (!(batch = store.outbox().claim(claimer, 3, LEASE)).isEmpty()) {
                        for (ClaimedEntry c : batch) {
                            if (holder.putIfAbsent(c.id(), claimer) != null) {
                                duplicates.incrementAndGet();
                            }
                            store.outbox().complete(c);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> claimer : claimers) {
                claimer.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(duplicates).hasValue(0);
        assertThat(holder).hasSize(ids.length);
        assertThat(store.outbox().depth()).isEqualTo(new OutboxDepth(0, 0, ids.length));
    }

    @Test
    void aFailedAttemptIsCountedAndWaitsForItsNextAttempt() {
        enqueue("t1", "e1");
        ClaimedEntry claimed = store.outbox().claim("node-a", 1, LEASE).get(0);
        store.outbox().retryLater(claimed, clock.instant().plusSeconds(5), "HTTP 503");

        OutboxEntry waiting = store.outbox().find("e1").get();
        assertThat(waiting.attempts()).isEqualTo(1);
        assertThat(waiting.lastError()).contains("HTTP 503");
        assertThat(waiting.state()).isEqualTo(OutboxState.PENDING);
        assertThat(store.outbox().claim("node-a", 1, LEASE)).isEmpty();

        clock.advance(Duration.ofSeconds(5));
        List<ClaimedEntry> retried = store.outbox().claim("node-b", 1, LEASE);
        assertThat(retried).extracting(ClaimedEntry::id).containsExactly("e1");
        assertThat(retried.get(0).entry().attempts()).isEqualTo(1);
    }

    @Test
    void aPostponedEntryIsNotCountedAndWaitsForItsTime() {
        enqueue("t1", "e1");
        ClaimedEntry first = store.outbox().claim("node-a", 1, LEASE).get(0);
        store.outbox().retryLater(first, clock.instant(), "HTTP 503");
        ClaimedEntry claimed = store.outbox().claim("node-a", 1, LEASE).get(0);
        store.outbox().postpone(claimed, clock.instant().plusSeconds(30));

        OutboxEntry waiting = store.outbox().find("e1").get();
        assertThat(waiting.attempts()).isEqualTo(1);
        assertThat(waiting.lastError()).contains("HTTP 503");
        assertThat(waiting.state()).isEqualTo(OutboxState.PENDING);
        assertThat(waiting.nextAttemptAt()).isEqualTo(clock.instant().plusSeconds(30));
        assertThat(store.outbox().claim("node-b", 1, LEASE)).isEmpty();
        assertThatThrownBy(() -> store.outbox().postpone(claimed, clock.instant()))
                .isInstanceOf(LeaseLostException.class);

        clock.advance(Duration.ofSeconds(30));
        assertThat(store.outbox().claim("node-b", 1, LEASE)).extracting(ClaimedEntry::id).containsExactly("e1");
    }

    @Test
    void aDeliveredEntryIsNeverClaimedAgain() {
        enqueue("t1", "e1");
        store.outbox().complete(store.outbox().claim("node-a", 1, LEASE).get(0));

        clock.advance(LEASE.multipliedBy(3));
        assertThat(store.outbox().claim("node-a", 10, LEASE)).isEmpty();
        OutboxEntry delivered = store.outbox().find("e1").get();
        assertThat(delivered.state()).isEqualTo(OutboxState.DELIVERED);
        assertThat(delivered.attempts()).isEqualTo(1);
    }

    @Test
    void aDeadLetterWaitsForAReplayOfItsId() {
        enqueue("t1", "e1", "e2");
        for (ClaimedEntry c : store.outbox().claim("node-a", 2, LEASE)) {
            store.outbox().deadLetter(c, "HTTP 410");
        }
        clock.advance(Duration.ofHours(24));
        assertThat(store.outbox().claim("node-a", 10, LEASE)).isEmpty();
        assertThat(store.outbox().query(OutboxQuery.dead(10))).extracting(OutboxEntry::id)
                .containsExactlyInAnyOrder("e1", "e2");

        assertThat(store.outbox().replay(new ReplaySelection.One("e2"))).isEqualTo(1);
        List<ClaimedEntry> replayed = store.outbox().claim("node-a", 10, LEASE);
        assertThat(replayed).extracting(ClaimedEntry::id).containsExactly("e2");
        assertThat(replayed.get(0).entry().attempts()).isZero();
        assertThat(store.outbox().replay(new ReplaySelection.One("e2"))).isZero();
    }

    @Test
    void deadLettersAreReplayedByDestinationOrSinceAnInstant() {
        store.tickets().create(Fixtures.ticket("t1", T0), List.of(Fixtures.entry("e1", "t1", "uor", T0),
                Fixtures.entry("e2", "t1", "uds-asl5", T0)));
        clock.advance(Duration.ofMinutes(10));
        store.tickets().create(Fixtures.ticket("t2", clock.instant()),
                List.of(Fixtures.entry("e3", "t2", "uds-asl5", clock.instant())));
        for (ClaimedEntry c : store.outbox().claim("node-a", 10, LEASE)) {
            store.outbox().deadLetter(c, "refused");
        }

        assertThat(store.outbox().replay(new ReplaySelection.Since(T0.plusSeconds(60)))).isEqualTo(1);
        assertThat(store.outbox().find("e3").get().state()).isEqualTo(OutboxState.PENDING);
        assertThat(store.outbox().replay(new ReplaySelection.Destination("uds-asl5"))).isEqualTo(1);
        assertThat(store.outbox().find("e2").get().state()).isEqualTo(OutboxState.PENDING);
        assertThat(store.outbox().find("e1").get().state()).isEqualTo(OutboxState.DEAD);
        assertThat(store.outbox().depth()).isEqualTo(new OutboxDepth(2, 1, 0));
    }

    @Test
    void outboxIsQueriedByDestinationAndState() {
        store.tickets().create(Fixtures.ticket("t1", T0), List.of(Fixtures.entry("e1", "t1", "uor", T0),
                Fixtures.entry("e2", "t1", "uds-asl5", T0.plusSeconds(1))));

        assertThat(store.outbox().query(new OutboxQuery(Optional.of("uds-asl5"), Optional.empty(), 10)))
                .extracting(OutboxEntry::id).containsExactly("e2");
        assertThat(store.outbox().query(new OutboxQuery(Optional.empty(), Optional.of(OutboxState.PENDING), 10)))
                .extracting(OutboxEntry::id).containsExactly("e2", "e1");
    }

    @Test
    void everyDeliveryAttemptIsLoggedInOrder() {
        enqueue("t1", "e1");
        DeliveryAttempt failed = new DeliveryAttempt("e1", "uor", T0, java.util.OptionalInt.of(503), 41,
                Optional.of("HTTP 503"));
        DeliveryAttempt timedOut = new DeliveryAttempt("e1", "uor", T0.plusSeconds(5), java.util.OptionalInt.empty(),
                10_000, Optional.of("timeout after 10s"));
        DeliveryAttempt delivered = new DeliveryAttempt("e1", "uor", T0.plusSeconds(300),
                java.util.OptionalInt.of(204), 12, Optional.empty());
        store.outbox().recordAttempt(failed);
        store.outbox().recordAttempt(timedOut);
        store.outbox().recordAttempt(delivered);

        assertThat(store.outbox().attempts("e1")).containsExactly(failed, timedOut, delivered);
        assertThat(store.outbox().attempts("e2")).isEmpty();
    }

    @Test
    void anEntryWrittenDueNowIsClaimableInTheSameMillisecond() {
        clock.advance(Duration.ofNanos(500_000));
        enqueue("t1", "e1");

        assertThat(store.outbox().claimInOrder("node-a", 10, LEASE)).extracting(ClaimedEntry::id)
                .containsExactly("e1");
    }

    @Test
    void claimInOrderLeavesAnEntryBehindAnOlderUndeliveredOneOfItsTicketAndDestination() {
        store.tickets().create(Fixtures.ticket("t1", T0), List.of(Fixtures.entry("e1", "t1", "uor", T0),
                Fixtures.entry("e2", "t1", "uor", T0.plusMillis(1)), Fixtures.entry("e3", "t1", "uds-asl5", T0)));
        clock.advance(Duration.ofSeconds(1));

        List<ClaimedEntry> first = store.outbox().claimInOrder("node-a", 10, LEASE);
        assertThat(first).extracting(ClaimedEntry::id).containsExactly("e1", "e3");
        assertThat(store.outbox().claimInOrder("node-b", 10, LEASE)).isEmpty();

        store.outbox().retryLater(first.get(0), clock.instant(), "HTTP 503");
        List<ClaimedEntry> retried = store.outbox().claimInOrder("node-a", 10, LEASE);
        assertThat(retried).extracting(ClaimedEntry::id).containsExactly("e1");
        assertThat(store.outbox().claimInOrder("node-a", 10, LEASE)).isEmpty();

        store.outbox().complete(retried.get(0));
        assertThat(store.outbox().claimInOrder("node-b", 10, LEASE)).extracting(ClaimedEntry::id)
                .containsExactly("e2");
        assertThat(store.outbox().find("e2").get().attempts()).isZero();
    }

    @Test
    void claimInOrderHoldsAnEntryBehindADeadLetterUntilItIsReplayedAndDelivered() {
        store.tickets().create(Fixtures.ticket("t1", T0), List.of(Fixtures.entry("e1", "t1", "uor", T0),
                Fixtures.entry("e2", "t1", "uor", T0.plusMillis(1))));
        store.outbox().deadLetter(store.outbox().claimInOrder("node-a", 10, LEASE).get(0), "HTTP 410");

        clock.advance(LEASE.multipliedBy(3));
        assertThat(store.outbox().claimInOrder("node-a", 10, LEASE)).isEmpty();

        store.outbox().replay(new ReplaySelection.One("e1"));
        List<ClaimedEntry> replayed = store.outbox().claimInOrder("node-a", 10, LEASE);
        assertThat(replayed).extracting(ClaimedEntry::id).containsExactly("e1");
        store.outbox().complete(replayed.get(0));
        assertThat(store.outbox().claimInOrder("node-a", 10, LEASE)).extracting(ClaimedEntry::id)
                .containsExactly("e2");
    }

    @Test
    void settleAppliesAWholeBatchAndLogsEveryAttempt() {
        store.tickets().create(Fixtures.ticket("t1", T0), List.of(Fixtures.entry("e1", "t1", "uor", T0),
                Fixtures.entry("e2", "t1", "uds-asl5", T0)));
        store.tickets().create(Fixtures.ticket("t2", T0), List.of(Fixtures.entry("e3", "t2", "uor", T0),
                Fixtures.entry("e4", "t2", "uds-asl5", T0)));
        Map<String, ClaimedEntry> claimed = new java.util.HashMap<>();
        store.outbox().claimInOrder("node-a", 10, LEASE).forEach(c -> claimed.put(c.id(), c));
        assertThat(claimed).containsOnlyKeys("e1", "e2", "e3", "e4");
        Instant later = clock.instant().plusSeconds(30);

        List<SettlementResult> results = store.outbox().settle(List.of(
                new OutboxSettlement(claimed.get("e1"), Optional.of(attempt("e1", "uor", 204)), new Resolution.Delivered()),
                new OutboxSettlement(claimed.get("e2"), Optional.of(attempt("e2", "uds-asl5", 503)),
                        new Resolution.RetryAt(later, "HTTP 503")),
                new OutboxSettlement(claimed.get("e3"), Optional.of(attempt("e3", "uor", 410)),
                        new Resolution.Dead("HTTP 410")),
                new OutboxSettlement(claimed.get("e4"), Optional.empty(), new Resolution.Postponed(later))));

        assertThat(results).containsExactly(new SettlementResult("e1", true, false),
                new SettlementResult("e2", true, false), new SettlementResult("e3", true, false),
                new SettlementResult("e4", true, false));
        assertThat(store.outbox().find("e1").get()).extracting(OutboxEntry::state, OutboxEntry::attempts)
                .containsExactly(OutboxState.DELIVERED, 1);
        assertThat(store.outbox().find("e2").get()).extracting(OutboxEntry::state, OutboxEntry::attempts,
                OutboxEntry::nextAttemptAt, OutboxEntry::lastError)
                .containsExactly(OutboxState.PENDING, 1, later, Optional.of("HTTP 503"));
        assertThat(store.outbox().find("e3").get()).extracting(OutboxEntry::state, OutboxEntry::lastError)
                .containsExactly(OutboxState.DEAD, Optional.of("HTTP 410"));
        assertThat(store.outbox().find("e4").get()).extracting(OutboxEntry::attempts, OutboxEntry::nextAttemptAt)
                .containsExactly(0, later);
        assertThat(store.outbox().attempts("e1")).containsExactly(attempt("e1", "uor", 204));
        assertThat(store.outbox().attempts("e2")).containsExactly(attempt("e2", "uds-asl5", 503));
        assertThat(store.outbox().attempts("e4")).isEmpty();
        assertThat(store.outbox().claimInOrder("node-b", 10, LEASE)).isEmpty();

        clock.advance(Duration.ofSeconds(30));
        List<ClaimedEntry> again = store.outbox().claimInOrder("node-b", 10, LEASE);
        assertThat(again).extracting(ClaimedEntry::id).containsExactly("e2", "e4");
        assertThat(store.outbox().settle(again.stream().map(c -> new OutboxSettlement(c, Optional.empty(),
                new Resolution.Delivered())).toList()))
                .containsExactly(new SettlementResult("e2", true, true), new SettlementResult("e4", true, false));
    }

    @Test
    void settlingAfterATakeOverLogsTheAttemptButLeavesTheEntryToItsNewClaimer() {
        enqueue("t1", "e1");
        ClaimedEntry stale = store.outbox().claimInOrder("node-a", 10, LEASE).get(0);
        clock.advance(LEASE.plusSeconds(1));
        ClaimedEntry current = store.outbox().claimInOrder("node-b", 10, LEASE).get(0);

        assertThat(store.outbox().settle(List.of(new OutboxSettlement(stale, Optional.of(attempt("e1", "uor", 204)),
                new Resolution.Delivered())))).containsExactly(new SettlementResult("e1", false, false));
        assertThat(store.outbox().attempts("e1")).containsExactly(attempt("e1", "uor", 204));
        assertThat(store.outbox().find("e1").get()).extracting(OutboxEntry::state, OutboxEntry::attempts)
                .containsExactly(OutboxState.PENDING, 0);

        assertThat(store.outbox().settle(List.of(new OutboxSettlement(current, Optional.empty(),
                new Resolution.Delivered())))).containsExactly(new SettlementResult("e1", true, true));
    }

    private DeliveryAttempt attempt(String entryId, String destination, int status) {
        return new DeliveryAttempt(entryId, destination, T0, java.util.OptionalInt.of(status), 3,
                status < 300 ? Optional.empty() : Optional.of("HTTP " + status));
    }

    // ---- destination overrides

    @Test
    void aDestinationOverrideIsSavedReplacedAndKeptAcrossAReopen() {
        java.net.URI configured = java.net.URI.create("https://uor.example/hook");
        DestinationOverride first = new DestinationOverride("uor", Optional.of(java.net.URI.create(
                "https://new.example/hook?k=1")), false, Optional.of(configured), true, "coord", T0);
        DestinationOverride asl1 = new DestinationOverride("uds-asl1", Optional.empty(), true, Optional.empty(), false,
                "coord", T0.plusSeconds(1));
        store.destinations().saveOverride(first);
        store.destinations().saveOverride(asl1);
        assertThat(store.destinations().overrides()).containsExactly(asl1, first);

        DestinationOverride second = new DestinationOverride("uor", first.url(), true, Optional.of(configured), true,
                "other", T0.plusSeconds(60));
        store.destinations().saveOverride(second);
        reopen();

        assertThat(store.destinations().overrides()).containsExactly(asl1, second);
    }

    @Test
    void noDestinationOverrideIsSavedAtFirst() {
        assertThat(store.destinations().overrides()).isEmpty();
        assertThat(store.destinations().removeOverride("uor")).isFalse();
    }

    @Test
    void aRemovedDestinationOverrideIsGoneForGoodAndTheOthersStay() {
        DestinationOverride uor = new DestinationOverride("uor", Optional.empty(), false, Optional.empty(), true,
                "coord", T0);
        DestinationOverride asl1 = new DestinationOverride("uds-asl1", Optional.empty(), false, Optional.empty(),
                true, "coord", T0);
        store.destinations().saveOverride(uor);
        store.destinations().saveOverride(asl1);

        assertThat(store.destinations().removeOverride("uor")).isTrue();
        assertThat(store.destinations().removeOverride("uor")).isFalse();
        reopen();

        assertThat(store.destinations().overrides()).containsExactly(asl1);
    }

    // ---- users and audit

    @Test
    void usersAreCreatedFoundAndUpdatedButNeverCreatedTwice() {
        User anna = new User("anna", "$argon2id$v=19$m=65536,t=3,p=1$c2FsdA$aGFzaA", Set.of(Role.OPERATOR),
                Optional.of("op-anna"), T0, false);
        store.users().create(anna);
        assertThatThrownBy(() -> store.users().create(anna)).isInstanceOf(AlreadyExistsException.class);

        User coordinator = new User("anna", anna.passwordHash(), Set.of(Role.OPERATOR, Role.COORDINATOR),
                anna.operatorId(), T0, false);
        store.users().update(coordinator);
        store.users().create(new User("admin", "x", Set.of(Role.ADMIN), Optional.empty(), T0, false));

        assertThat(store.users().find("anna")).contains(coordinator);
        assertThat(store.users().find("nobody")).isEmpty();
        assertThat(store.users().all()).extracting(User::username).containsExactly("admin", "anna");
        assertThatThrownBy(() -> store.users().update(new User("ghost", "x", Set.of(), Optional.empty(), T0, true)))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void auditEntriesAreQueriedNewestFirstByUserAndPeriod() {
        AuditEntry view = new AuditEntry(T0, "marta", "call.view", "call", "c1", "");
        AuditEntry edit = new AuditEntry(T0.plusSeconds(60), "anna", "call.update", "call", "c1", "notes");
        AuditEntry roster = new AuditEntry(T0.plusSeconds(120), "marta", "roster.update", "roster", "2", "");
        store.audit().append(view);
        store.audit().append(edit);
        store.audit().append(roster);

        assertThat(store.audit().query(new AuditQuery(Optional.empty(), Optional.empty(), Optional.empty(), 10)))
                .containsExactly(roster, edit, view);
        assertThat(store.audit().query(new AuditQuery(Optional.empty(), Optional.empty(), Optional.of("marta"), 10)))
                .containsExactly(roster, view);
        assertThat(store.audit().query(new AuditQuery(Optional.of(T0.plusSeconds(1)), Optional.of(T0.plusSeconds(120)),
                Optional.empty(), 10))).containsExactly(edit);
        assertThat(store.audit().query(new AuditQuery(Optional.empty(), Optional.empty(), Optional.empty(), 1)))
                .containsExactly(roster);
    }

    // ---- restart

    @Test
    void nothingIsLostWhenTheStoreIsClosedAndReopened() {
        CallRecord call = Fixtures.answeredCall("c1", T0, "op-anna", "en", Territory.ASL5);
        store.calls().save(call);
        Ticket ticket = Fixtures.ticket("t1", T0);
        store.tickets().create(ticket, List.of(Fixtures.entry("e1", "t1", "uor", T0),
                Fixtures.entry("e2", "t1", "uds-asl5", T0)));
        ClaimedEntry inFlight = store.outbox().claim("node-a", 1, LEASE).get(0);
        RosterVersion roster = store.roster().save("timezone: Europe/Rome\n", "config", T0);
        User user = new User("anna", "hash", Set.of(Role.OPERATOR), Optional.of("op-anna"), T0, false);
        store.users().create(user);
        AuditEntry audit = new AuditEntry(T0, "anna", "ticket.create", "ticket", "t1", "");
        store.audit().append(audit);

        reopen();

        assertThat(store.calls().find("c1")).contains(call);
        assertThat(store.calls().query(CallQuery.all(10)).items()).containsExactly(call);
        assertThat(store.tickets().find("t1")).contains(ticket);
        assertThat(store.roster().current()).contains(roster);
        assertThat(store.users().find("anna")).contains(user);
        assertThat(store.audit().query(new AuditQuery(Optional.empty(), Optional.empty(), Optional.empty(), 10)))
                .containsExactly(audit);
        List<ClaimedEntry> afterRestart = store.outbox().claim("node-b", 10, LEASE);
        assertThat(afterRestart).extracting(ClaimedEntry::id).containsExactly("e2");
        // settle e2, whose lease would otherwise run out together with the in-flight one
        store.outbox().complete(afterRestart.get(0));
        clock.advance(LEASE.plusSeconds(1));
        // node-a's lease, taken before the restart, has run out: its entry is claimable again
        assertThat(store.outbox().claim("node-b", 10, LEASE)).extracting(ClaimedEntry::id)
                .containsExactly(inFlight.id());
    }

    @Test
    void pingAnswersWhileTheStoreIsOpen() {
        store.ping();
        assertThat(store.describe()).isNotBlank();
    }

    // ---- retention

    @Test
    void anonymisingErasesNotesTagsAndPseudonymOfCallsThatEndedBeforeTheCutoffAndKeepsTheRest() {
        CallRecord old = Fixtures.answeredCall("old", T0, "op-anna", "uk", Territory.ASL2);
        CallRecord recent = Fixtures.answeredCall("recent", T0.plus(Duration.ofDays(2)), "op-anna", "it", Territory.ASL3);
        store.calls().save(old);
        store.calls().save(recent);

        Anonymised erased = store.retention().anonymiseBefore(T0.plus(Duration.ofDays(1)));

        assertThat(erased).isEqualTo(new Anonymised(1, 0));
        CallRecord kept = store.calls().find("old").orElseThrow();
        assertThat(kept.notes()).isEmpty();
        assertThat(kept.tags()).isEmpty();
        assertThat(kept.callerPseudonym()).isEmpty();
        assertThat(kept).usingRecursiveComparison().ignoringFields("notes", "tags", "callerPseudonym").isEqualTo(old);
        assertThat(store.calls().byCaller(old.callerPseudonym().orElseThrow(), 10).items()).isEmpty();
        assertThat(store.calls().query(CallQuery.all(10)).items()).extracting(CallRecord::callId)
                .containsExactly("recent", "old");
        assertThat(store.calls().find("recent")).contains(recent);
    }

    @Test
    void aCallStillGoingAtTheCutoffIsKept() {
        CallRecord call = Fixtures.answeredCall("long", T0, "op-anna", "en", Territory.ASL1); // ends at T0 + 325 s

        store.calls().save(call);

        assertThat(store.retention().anonymiseBefore(T0.plusSeconds(325))).isEqualTo(new Anonymised(0, 0));
        assertThat(store.calls().find("long")).contains(call);
    }

    @Test
    void anonymisingTwiceChangesNothingTheSecondTime() {
        store.calls().save(Fixtures.answeredCall("c1", T0, "op-anna", "en", Territory.ASL1));
        store.tickets().create(named(Fixtures.ticket("t1", T0), Optional.empty()), List.of());
        Instant cutoff = T0.plus(Duration.ofDays(1));

        assertThat(store.retention().anonymiseBefore(cutoff)).isEqualTo(new Anonymised(1, 1));
        assertThat(store.retention().anonymiseBefore(cutoff)).isEqualTo(new Anonymised(0, 0));
    }

    @Test
    void anonymisingErasesSummaryAndNameOfTicketsCreatedBeforeTheCutoff() {
        Ticket old = named(Fixtures.ticket("t-old", T0), Optional.empty());
        Ticket recent = named(Fixtures.ticket("t-new", T0.plus(Duration.ofDays(2))), Optional.empty());
        store.tickets().create(old, List.of());
        store.tickets().create(recent, List.of());

        assertThat(store.retention().anonymiseBefore(T0.plus(Duration.ofDays(1)))).isEqualTo(new Anonymised(0, 1));

        Ticket kept = store.tickets().find("t-old").orElseThrow();
        assertThat(kept.summary()).isEmpty();
        assertThat(kept.person().name()).isEmpty();
        assertThat(kept.person().nationality()).isEqualTo(old.person().nationality());
        assertThat(kept).usingRecursiveComparison().ignoringFields("summary", "person.name").isEqualTo(old);
        assertThat(store.tickets().find("t-new")).contains(recent);
    }

    @Test
    void expiredCallbackNumbersAreErasedAndLiveOnesKept() {
        NumberSealer sealer = new NumberSealer(new byte[32]);
        Ticket expiring = named(Fixtures.ticket("t-cb1", T0), Optional.of(sealer.seal("+393331234567",
                T0.plus(Duration.ofHours(72)))));
        Ticket live = named(Fixtures.ticket("t-cb2", T0), Optional.of(sealer.seal("+393337654321",
                T0.plus(Duration.ofDays(10)))));
        store.tickets().create(expiring, List.of());
        store.tickets().create(live, List.of());
        store.tickets().create(Fixtures.ticket("t-none", T0), List.of());

        assertThat(store.retention().eraseExpiredCallbackNumbers(clock.instant())).isZero();
        clock.advance(Duration.ofHours(72));
        assertThat(store.retention().eraseExpiredCallbackNumbers(clock.instant())).isEqualTo(1);
        assertThat(store.retention().eraseExpiredCallbackNumbers(clock.instant())).isZero();

        Ticket erased = store.tickets().find("t-cb1").orElseThrow();
        assertThat(erased.sealedCallbackNumber()).isEmpty();
        assertThat(erased.summary()).isEqualTo(expiring.summary());
        assertThat(store.tickets().find("t-cb2")).contains(live);
    }

    @Test
    void aCallbackNumberIsErasedOnceUsedAndNothingElseChanges() {
        Ticket withNumber = named(Fixtures.ticket("t-used", T0), Optional.of(new NumberSealer(new byte[32])
                .seal("+393331234567", T0.plus(Duration.ofDays(3)))));
        store.tickets().create(withNumber, List.of());

        assertThat(store.retention().eraseCallbackNumber("t-used")).isTrue();
        assertThat(store.retention().eraseCallbackNumber("t-used")).isFalse();
        assertThat(store.retention().eraseCallbackNumber("no-such-ticket")).isFalse();
        Ticket erased = store.tickets().find("t-used").orElseThrow();
        assertThat(erased.sealedCallbackNumber()).isEmpty();
        assertThat(erased).usingRecursiveComparison().ignoringFields("sealedCallbackNumber").isEqualTo(withNumber);
    }

    /** The ticket with a person's name and the given sealed callback number. */
    private static Ticket named(Ticket t, Optional<String> sealed) {
        Person p = t.person();
        Person named = new Person(p.gender(), p.ageBand(), p.minor(), p.nationality(), p.languages(),
                Optional.of("Name of " + t.id()));
        return new Ticket(t.id(), t.kind(), t.createdAt(), t.createdBy(), t.callId(), t.accessChannel(),
                t.exploitation(), named, t.needs(), t.urgency(), t.territory(), t.consent(), t.summary(),
                t.destinations(), t.status(), t.history(), sealed);
    }
}
