package org.hth.hotline.console.calls;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import org.hth.hotline.console.testing.ApiServer;
import org.hth.hotline.console.testing.Browser;
import org.hth.hotline.console.testing.Browser.Answer;
import org.hth.hotline.core.audit.AuditEntry;
import org.hth.hotline.core.audit.AuditQuery;
import org.hth.hotline.core.call.CallRecord;
import org.hth.hotline.core.referral.Territory;
import org.hth.hotline.core.testing.Fixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CallsIT {
    private static final Instant T0 = Instant.parse("2026-11-20T20:00:00Z");

    @TempDir
    Path dir;
    ApiServer server;
    Browser carla;

    @BeforeEach
    void start() throws Exception {
        server = new ApiServer(dir);
        for (int i = 0; i < 5; i++) {
            server.store.calls().save(Fixtures.answeredCall("call-" + i, T0.plusSeconds(3600L * i),
                    i % 2 == 0 ? "op-anna" : "op-luca", i < 3 ? "en" : "it", Territory.ASL3));
        }
        carla = server.loggedIn("carla");
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    @Test
    void callLogPagesNewestFirstWithAKeysetCursor() {
        JsonObject first = carla.get("/api/calls?limit=2").assertStatus(200).json();
        assertThat(ids(first)).containsExactly("call-4", "call-3");

        JsonObject second = carla.get("/api/calls?limit=2&after=" + first.getString("next")).assertStatus(200).json();
        assertThat(ids(second)).containsExactly("call-2", "call-1");
        assertThat(first.getJsonArray("items").getJsonObject(0).containsKey("notes")).isFalse();
    }

    @Test
    void callLogFiltersByOperatorLanguageAndTime() {
        assertThat(ids(carla.get("/api/calls?operator=op-luca").assertStatus(200).json()))
                .containsExactly("call-3", "call-1");
        assertThat(ids(carla.get("/api/calls?language=it").json())).containsExactly("call-4", "call-3");
        assertThat(ids(carla.get("/api/calls?from=2026-11-20T21:00:00Z&to=2026-11-20T23:00:00Z").json()))
                .containsExactly("call-2", "call-1");
        assertThat(ids(carla.get("/api/calls?outcome=abandoned").json())).isEmpty();
    }

    @Test
    void badFilterValuesGetFieldLevel400s() {
        Answer answer = carla.get("/api/calls?from=yesterday&limit=100000&outcome=LOST&territory=ASL9&colour=red")
                .assertStatus(400);

        JsonObject fields = answer.json().getJsonObject("fields");
        assertThat(fields.fieldNames()).containsExactlyInAnyOrder("from", "limit", "outcome", "territory", "colour");
        assertThat(answer.body()).doesNotContain("yesterday").doesNotContain("LOST");
        assertThat(carla.get("/api/calls?from=2026-11-21T00:00:00Z&to=2026-11-20T00:00:00Z").status()).isEqualTo(400);
    }

    @Test
    void coordinatorReadsACallWithItsTimelineAndNotes() {
        JsonObject call = carla.get("/api/calls/call-1").assertStatus(200).json();

        assertThat(call.getString("notes")).isEqualTo("notes of call-1");
        assertThat(call.getJsonArray("attempts")).hasSize(2);
    }

    @Test
    void operatorReadsTheCallSheAnswered() {
        server.loggedIn("anna").get("/api/calls/call-0").assertStatus(200);
    }

    @Test
    void operatorCannotReadAnotherOperatorsCall() {
        Browser anna = server.loggedIn("anna");

        anna.get("/api/calls/call-1").assertStatus(404);
        anna.patch("/api/calls/call-1", "{\"notes\":\"x\"}").assertStatus(404);
        assertThat(audit("anna")).extracting(AuditEntry::action).contains("call.view.denied");
    }

    @Test
    void viewsAndChangesAreAuditedByFieldNameNeverContent() {
        Browser anna = server.loggedIn("anna");
        anna.get("/api/calls/call-0").assertStatus(200);
        anna.patch("/api/calls/call-0", "{\"notes\":\"she is at the station\",\"category\":\"RELEVANT\"}")
                .assertStatus(200);
        carla.get("/api/calls?limit=3").assertStatus(200);

        assertThat(audit("anna")).extracting(AuditEntry::action).contains("call.view", "call.update");
        AuditEntry update = audit("anna").stream().filter(e -> e.action().equals("call.update")).findFirst().orElseThrow();
        assertThat(update.subjectId()).isEqualTo("call-0");
        assertThat(update.detail()).isEqualTo("fields=category,notes");
        assertThat(audit("anna").toString()).doesNotContain("station");
        assertThat(audit("carla")).extracting(AuditEntry::action).contains("call.list");
    }

    @Test
    void patchChangesNotesCategoryAndTerritory() {
        JsonObject changed = carla.patch("/api/calls/call-2",
                "{\"notes\":\"new\",\"category\":\"NUISANCE\",\"territory\":\"ASL5\",\"tags\":[\"night\",\"minor\"]}")
                .assertStatus(200).json();

        assertThat(changed.getString("category")).isEqualTo("NUISANCE");
        CallRecord stored = server.store.calls().find("call-2").orElseThrow();
        assertThat(stored.notes()).isEqualTo("new");
        assertThat(stored.territory()).contains(Territory.ASL5);
        assertThat(stored.tags()).containsExactlyInAnyOrder("night", "minor");
    }

    @Test
    void patchWithAnUnknownFieldIs400() {
        Answer answer = carla.patch("/api/calls/call-2", "{\"notes\":\"x\",\"answeredBy\":\"op-x\"}").assertStatus(400);

        assertThat(answer.json().getJsonObject("fields").getString("answeredBy")).isEqualTo("unknown field");
    }

    @Test
    void patchWithBadValuesNamesEachField() {
        Answer answer = carla.patch("/api/calls/call-2", "{\"notes\":5,\"category\":\"SPAM\",\"tags\":\"x\"}")
                .assertStatus(400);

        assertThat(answer.json().getJsonObject("fields").fieldNames())
                .containsExactlyInAnyOrder("notes", "category", "tags");
    }

    @Test
    void notesLongerThanTheLimitAre400() {
        String notes = "a".repeat(CallPatch.MAX_NOTES + 1);

        Answer answer = carla.patch("/api/calls/call-2", new JsonObject().put("notes", notes).encode()).assertStatus(400);
        assertThat(answer.json().getJsonObject("fields").getString("notes")).contains("at most");
    }

    @Test
    void bodiesLargerThanTheLimitAre413() {
        String notes = "a".repeat(70 * 1024);

        Answer answer = carla.patch("/api/calls/call-2", new JsonObject().put("notes", notes).encode());
        assertThat(answer.status()).isEqualTo(413);
        assertThat(answer.error()).isEqualTo("TOO_LARGE");
    }

    @Test
    void operatorsCannotSetTags() {
        server.loggedIn("anna").patch("/api/calls/call-0", "{\"tags\":[\"x\"]}").assertStatus(403);
    }

    @Test
    void markupInANoteComesBackEscapedAndIntact() {
        String markup = "<script>alert('caller')</script><img src=x onerror=alert(1)>";
        carla.patch("/api/calls/call-2", new JsonObject().put("notes", markup).encode()).assertStatus(200);

        Answer answer = carla.get("/api/calls/call-2").assertStatus(200);

        assertThat(answer.body()).doesNotContain("<script").doesNotContain("<img").contains("\\u003cscript");
        assertThat(answer.response().headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/json"));
        assertThat(answer.json().getString("notes")).isEqualTo(markup);
    }

    @Test
    void anUnknownCallIs404() {
        carla.get("/api/calls/no-such-call").assertStatus(404);
        carla.get("/api/calls/%3Cscript%3E").assertStatus(404);
    }

    private List<AuditEntry> audit(String user) {
        return server.store.audit().query(new AuditQuery(Optional.empty(), Optional.empty(), Optional.of(user), 50));
    }

    private static List<String> ids(JsonObject page) {
        JsonArray items = page.getJsonArray("items");
        return items.stream().map(o -> ((JsonObject) o).getString("callId")).toList();
    }
}
