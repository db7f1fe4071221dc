package org.hth.hotline.core.callback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.hth.hotline.core.privacy.NumberSealer;
import org.hth.hotline.core.referral.AccessChannel;
import org.hth.hotline.core.referral.Person;
import org.hth.hotline.core.referral.Territory;
import org.hth.hotline.core.referral.Ticket;
import org.hth.hotline.core.referral.TicketEvent;
import org.hth.hotline.core.referral.TicketKind;
import org.hth.hotline.core.referral.TicketStatus;
import org.hth.hotline.core.referral.Urgency;
import org.hth.hotline.core.store.Store;
import org.hth.hotline.core.store.sqlite.SqliteStore;
import org.hth.hotline.core.telephony.AmiActions;
import org.hth.hotline.core.telephony.Originate;
import org.hth.hotline.core.telephony.OriginateResult;
import org.hth.hotline.core.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CallbackServiceTest {
    static final String NUMBER = "+393331234567";

    @TempDir
    Path dir;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T02:10:00Z"));
    private final NumberSealer sealer = new NumberSealer(key((byte) 1));
    private final List<Originate> sent = new CopyOnWriteArrayList<>();
    private OriginateResult answer = OriginateResult.success();
    private final AmiActions ami = request -> {
        sent.add(request);
        return answer;
    };
    private Store store;
    private CallbackService service;

    @BeforeEach
    void open() {
        store = SqliteStore.open(dir.resolve("hotline.db"), clock);
        service = new CallbackService(store.tickets(), store.retention(), sealer, ami, Runnable::run, clock);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void callbackTicketRingsTheOperatorThenDialsTheCallerAndRecordsBoth() throws Exception {
        seed("CB1", TicketKind.CALLBACK, false, Optional.of(sealer.seal(NUMBER, clock.instant().plusSeconds(3600))));

        OriginateResult result = service.call("CB1", "PJSIP/op-anna", "anna").get(5, TimeUnit.SECONDS);

        assertThat(result.answered()).isTrue();
        assertThat(sent).singleElement().satisfies(o -> {
            assertThat(o.channel()).isEqualTo("PJSIP/op-anna");
            assertThat(o.application()).isEqualTo("Dial");
            assertThat(o.data()).isEqualTo("PJSIP/" + NUMBER + "@trunk,60");
            assertThat(o.timeout()).isEqualTo(CallbackService.RING_OPERATOR);
            assertThat(o.variables()).containsEntry("HOTLINE_CALLBACK_TICKET", "CB1");
            assertThat(o.toString()).doesNotContain("3331234567");
        });
        assertThat(history("CB1")).extracting(TicketEvent::action)
                .containsExactly("created", "callback.requested", "callback.result", "callback.number.erased");
        assertThat(history("CB1")).allSatisfy(e -> assertThat(e.detail()).doesNotContain("3331234567"));
        assertThat(store.tickets().find("CB1").orElseThrow().sealedCallbackNumber()).as("erased once used").isEmpty();
    }

    @Test
    void consentedReferralMayBeCalledBack() throws Exception {
        seed("R1", TicketKind.REFERRAL, true, Optional.of(sealer.seal(NUMBER, clock.instant().plusSeconds(60))));

        assertThat(service.call("R1", "PJSIP/op-anna", "anna").get(5, TimeUnit.SECONDS).answered()).isTrue();
    }

    @Test
    void operatorWhoDoesNotAnswerIsRecordedAsNotPlaced() throws Exception {
        seed("CB2", TicketKind.CALLBACK, false, Optional.of(sealer.seal(NUMBER, clock.instant().plusSeconds(60))));
        answer = OriginateResult.failed("no answer");

        service.call("CB2", "PJSIP/op-anna", "anna").get(5, TimeUnit.SECONDS);

        assertThat(history("CB2").get(2).detail()).isEqualTo("not placed: no answer");
    }

    @Test
    void pbxThatThrowsIsRecordedAsNotPlaced() throws Exception {
        seed("CB3", TicketKind.CALLBACK, false, Optional.of(sealer.seal(NUMBER, clock.instant().plusSeconds(60))));
        service = new CallbackService(store.tickets(), store.retention(), sealer, request -> {
            throw new IllegalStateException("socket closed");
        }, Runnable::run, clock);

        assertThat(service.call("CB3", "PJSIP/op-anna", "anna").get(5, TimeUnit.SECONDS).answered()).isFalse();
        assertThat(history("CB3").get(2).detail()).isEqualTo("not placed: the callback could not be placed");
    }

    @Test
    void referralWithoutConsentIsRefused() {
        seed("R2", TicketKind.REFERRAL, false, Optional.of(sealer.seal(NUMBER, clock.instant().plusSeconds(60))));

        assertRefused("R2", "not consented");
    }

    @Test
    void ticketWithoutANumberIsRefused() {
        seed("R3", TicketKind.REFERRAL, true, Optional.empty());

        assertRefused("R3", "no callback number");
    }

    @Test
    void numberPastItsExpiryIsRefused() {
        seed("CB4", TicketKind.CALLBACK, false, Optional.of(sealer.seal(NUMBER, clock.instant().plusSeconds(60))));
        clock.advance(Duration.ofSeconds(60));

        assertRefused("CB4", "expired");
    }

    @Test
    void numberSealedUnderAnotherKeyIsRefused() {
        NumberSealer other = new NumberSealer(key((byte) 2));
        seed("CB5", TicketKind.CALLBACK, false, Optional.of(other.seal(NUMBER, clock.instant().plusSeconds(60))));

        assertRefused("CB5", "cannot be opened");
    }

    @Test
    void missingTicketIsRefused() {
        assertRefused("NOPE", "no such ticket");
    }

    private void assertRefused(String id, String reason) {
        store.tickets().find(id).filter(t -> !reason.equals("cannot be opened"))
                .ifPresent(t -> assertThat(service.possible(t)).as("possible").isFalse());
        assertThatThrownBy(() -> service.call(id, "PJSIP/op-anna", "anna"))
                .isInstanceOf(CallbackRefusedException.class).hasMessageContaining(reason)
                .satisfies(e -> assertThat(((CallbackRefusedException) e).ticketId()).isEqualTo(id));
        assertThat(sent).isEmpty();
        store.tickets().find(id).ifPresent(t -> assertThat(t.history()).extracting(TicketEvent::action)
                .containsExactly("created"));
    }

    private List<TicketEvent> history(String id) {
        return store.tickets().find(id).orElseThrow().history();
    }

    private void seed(String id, TicketKind kind, boolean consent, Optional<String> sealed) {
        store.tickets().create(ticket(id, kind, consent, sealed), List.of());
    }

    private Ticket ticket(String id, TicketKind kind, boolean consent, Optional<String> sealed) {
        Instant now = clock.instant();
        return new Ticket(id, kind, now, "system", Optional.empty(), AccessChannel.NUMERO_VERDE, Set.of(),
                Person.unknown(), Set.of(), Urgency.ORDINARY, Territory.UNKNOWN, consent, "test", List.of(),
                TicketStatus.OPEN, List.of(new TicketEvent(now, "system", "created", Optional.of(TicketStatus.OPEN),
                "test")), sealed);
    }

    private static byte[] key(byte fill) {
        byte[] key = new byte[32];
        Arrays.fill(key, fill);
        return key;
    }
}
