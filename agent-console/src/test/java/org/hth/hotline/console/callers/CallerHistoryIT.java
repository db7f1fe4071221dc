package org.hth.hotline.console.callers;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.vertx.core.json.JsonObject;

import org.hth.hotline.console.testing.ApiServer;
import org.hth.hotline.core.audit.AuditQuery;
import org.hth.hotline.core.referral.Ticket;
import org.hth.hotline.core.referral.TicketEvent;
import org.hth.hotline.core.referral.TicketStatus;
import org.hth.hotline.core.testing.Fixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CallerHistoryIT {
    private static final Instant T0 = Instant.parse("2026-11-20T20:00:00Z");
    private static final String CALLER = "ps-7f3a9c";

    @TempDir
    Path dir;
    ApiServer server;

    @BeforeEach
    void start() throws Exception {
        server = new ApiServer(dir);
        server.store.calls().save(Fixtures.abandonedCall("call-a", T0, CALLER));
        server.store.calls().save(Fixtures.abandonedCall("call-b", T0.plusSeconds(7200), CALLER));
        server.store.calls().save(Fixtures.abandonedCall("call-other", T0.plusSeconds(60), "ps-someone-else"));
        Ticket open = withCall(Fixtures.ticket("01JTICKETOPEN", T0), "call-a");
        Ticket done = withCall(Fixtures.ticket("01JTICKETDONE", T0), "call-b");
        server.store.tickets().create(open, List.of());
        server.store.tickets().create(done, List.of());
        server.store.tickets().append(done.id(), new TicketEvent(T0.plusSeconds(9000), "uor", "done",
                Optional.of(TicketStatus.DONE), ""), List.of());
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    @Test
    void historyListsPreviousCallsAndOpenTicketsOnly() {
        JsonObject history = server.loggedIn("anna").get("/api/callers/" + CALLER + "/history").assertStatus(200).json();

        assertThat(history.getJsonArray("calls").stream().map(c -> ((JsonObject) c).getString("callId")))
                .containsExactly("call-b", "call-a");
        assertThat(history.getJsonArray("calls").getJsonObject(0).getString("outcome")).isEqualTo("ABANDONED");
        assertThat(history.getJsonArray("calls").getJsonObject(0).getString("language")).isEqualTo("en");
        assertThat(history.getJsonArray("openTickets")).singleElement()
                .satisfies(t -> assertThat(((JsonObject) t).getString("ticketId")).isEqualTo("01JTICKETOPEN"));
    }

    @Test
    void historyHoldsNoNumberNoNotesAndNoSummary() {
        String body = server.loggedIn("anna").get("/api/callers/" + CALLER + "/history").assertStatus(200).body();

        assertThat(body).doesNotContain("800290290").doesNotContain("+39").doesNotContain("summary of")
                .doesNotContain("notes").doesNotContain("line");
    }

    @Test
    void viewingAHistoryIsAudited() {
        server.loggedIn("anna").get("/api/callers/" + CALLER + "/history").assertStatus(200);

        assertThat(server.store.audit().query(new AuditQuery(Optional.empty(), Optional.empty(), Optional.of("anna"), 5)))
                .anySatisfy(e -> {
                    assertThat(e.action()).isEqualTo("caller.history");
                    assertThat(e.subjectId()).isEqualTo(CALLER);
                });
    }

    @Test
    void aPseudonymWithMarkupIsRefusedWithoutEchoingIt() {
        var answer = server.loggedIn("anna").get("/api/callers/%3Cscript%3Ealert(1)%3C%2Fscript%3E/history");

        assertThat(answer.status()).isIn(400, 404);
        assertThat(answer.body()).doesNotContain("<script").doesNotContain("alert");
    }

    @Test
    void adminsWithoutOperatorRoleGet403() {
        server.loggedIn("adam").get("/api/callers/" + CALLER + "/history").assertStatus(403);
    }

    private static Ticket withCall(Ticket t, String callId) {
        return new Ticket(t.id(), t.kind(), t.createdAt(), t.createdBy(), Optional.of(callId), t.accessChannel(),
                t.exploitation(), t.person(), t.needs(), t.urgency(), t.territory(), t.consent(), t.summary(),
                t.destinations(), t.status(), t.history(), t.sealedCallbackNumber());
    }
}
