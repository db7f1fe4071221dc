package org.hth.hotline.console.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import io.vertx.core.json.JsonArray;
import org.hth.hotline.console.api.ApiRoutes;
import org.hth.hotline.console.api.Blocking;
import org.hth.hotline.console.audit.Auditor;
import org.hth.hotline.console.testing.ApiServer;
import org.hth.hotline.console.testing.Browser;
import org.hth.hotline.core.audit.AuditEntry;
import org.hth.hotline.core.audit.AuditQuery;
import org.hth.hotline.core.call.CallRecord;
import org.hth.hotline.core.export.ExportService;
import org.hth.hotline.core.referral.Territory;
import org.hth.hotline.core.store.CallStore;
import org.hth.hotline.core.store.Store;
import org.hth.hotline.core.store.StoreException;
import org.hth.hotline.core.testing.Fixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console's exports sent as they are built: a long one in chunks (no length known in advance), every row
 * arriving once and in order (newest first), JSON escaped for markup across chunk boundaries; a short one as one response with
 * its length.
 */
class ExportDownloadIT {
    private static final Instant T0 = Instant.parse("2026-10-01T00:00:00Z");
    private static final String MARKUP = "<b>Normal</b> & \"Clearing\"";
    private static final String PERIOD = "?from=2026-10-01T00:00:00Z&to=2026-11-01T00:00:00Z";

    @TempDir
    Path dir;
    /** The page of the call log at which the export's store fails; 0: never. */
    volatile int failAtPage;
    ApiServer server;
    Browser carla;

    @BeforeEach
    void start() throws Exception {
        server = ApiServer.withRoutes(dir, (vertx, store, clock) -> new ApiRoutes[] {new ExportRoutes(
                new ExportService(failingAtPage(store), ZoneId.of("Europe/Rome"), 5), new Auditor(store.audit(), clock),
                new Blocking(vertx), clock)});
        carla = server.loggedIn("carla");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    /** The store, its call log failing from page {@link #failAtPage} on (0: never). */
    private Store failingAtPage(Store store) {
        AtomicInteger pages = new AtomicInteger();
        CallStore calls = proxy(CallStore.class, store.calls(), method -> method.getName().equals("query")
                && failAtPage > 0 && pages.incrementAndGet() >= failAtPage);
        return (Store) Proxy.newProxyInstance(Store.class.getClassLoader(), new Class<?>[] {Store.class},
                (self, method, args) -> method.getName().equals("calls") ? calls : invoke(method, store, args));
    }

    private static <T> T proxy(Class<T> type, T real, Predicate<Method> fails) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (self, method, args) -> {
            if (fails.test(method)) {
                throw new StoreException("the disk went away");
            }
            return invoke(method, real, args);
        }));
    }

    private static Object invoke(Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** Saves that many calls, a minute apart; their ids newest first, the exports' order. */
    private List<String> saveCalls(int count) {
        List<CallRecord> calls = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            CallRecord c = Fixtures.answeredCall(String.format("call-%05d", i), T0.plusSeconds(60L * i), "op-anna",
                    "en", Territory.ASL3);
            // a hang-up cause as a misbehaving channel driver might send it
            calls.add(new CallRecord(c.callId(), c.line(), c.callerPseudonym(), c.callerWithheld(), c.startedAt(),
                    c.answeredAt(), c.endedAt(), c.waitSeconds(), c.talkSeconds(), c.language(), c.attempts(),
                    c.answeredBy(), c.outcome(), MARKUP, c.notes(), c.category(), c.tags(), c.territory(),
                    c.ticketIds()));
        }
        server.store.calls().saveAll(calls);
        List<String> newestFirst = new ArrayList<>(calls.stream().map(CallRecord::callId).toList());
        java.util.Collections.reverse(newestFirst);
        return newestFirst;
    }

    @Test
    void aLongExportIsSentInChunksAndArrivesWholeInOrder() {
        List<String> ids = saveCalls(2_000);

        Browser.Answer answer = carla.get("/api/export/calls.csv" + PERIOD).assertStatus(200);

        assertThat(answer.response().headers().firstValue("content-length")).as("sent as it is built").isEmpty();
        assertThat(answer.response().headers().firstValue("content-disposition")).hasValue(
                "attachment; filename=\"calls-2026-10-01.csv\"");
        assertThat(answer.body().length()).isGreaterThan(2 * ChunkedDownload.CHUNK);
        List<String> lines = answer.body().lines().toList();
        assertThat(lines.get(0)).startsWith("callId,startedAt,");
        assertThat(lines.subList(1, lines.size())).extracting(line -> line.substring(0, line.indexOf(',')))
                .containsExactlyElementsOf(ids);
    }

    @Test
    void aLongJsonExportParsesWholeWithItsMarkupEscapedInEveryChunk() {
        List<String> ids = saveCalls(3_000);

        Browser.Answer answer = carla.get("/api/export/calls.json" + PERIOD).assertStatus(200);

        assertThat(answer.response().headers().firstValue("content-length")).isEmpty();
        assertThat(answer.body().length()).isGreaterThan(2 * ChunkedDownload.CHUNK);
        JsonArray rows = new JsonArray(answer.body());
        assertThat(rows.stream().map(row -> ((io.vertx.core.json.JsonObject) row).getString("callId")).toList())
                .containsExactlyElementsOf(ids);
        assertThat(answer.body()).doesNotContain("<", ">", "&");
        assertThat(rows.stream().map(row -> ((io.vertx.core.json.JsonObject) row).getString("hangupCause")))
                .containsOnly(MARKUP);
    }

    @Test
    void aShortExportIsOneResponseWithItsLength() {
        saveCalls(3);

        Browser.Answer answer = carla.get("/api/export/calls.csv" + PERIOD).assertStatus(200);

        assertThat(answer.response().headers().firstValue("content-length"))
                .hasValue(Integer.toString(answer.body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length));
        assertThat(answer.body().lines()).hasSize(4);
    }

    @Test
    void anExportThatFailsAfterItsFirstPartWasSentBreaksTheDownloadInsteadOfEndingShort() {
        saveCalls(1_200);
        failAtPage = 2; // the first page of 500 calls is more than a chunk: it is out before the second fails

        assertThatThrownBy(() -> carla.get("/api/export/calls.csv" + PERIOD)).isInstanceOf(UncheckedIOException.class);
        assertThat(server.store.audit().query(new AuditQuery(Optional.empty(), Optional.empty(), Optional.of("carla"),
                100))).extracting(AuditEntry::action).as("not audited as exported").noneMatch(a -> a.startsWith("export"));
    }

    @Test
    void anExportThatFailsBeforeAnythingWasSentIsAnErrorAnswer() {
        saveCalls(10);
        failAtPage = 1;

        Browser.Answer answer = carla.get("/api/export/calls.csv" + PERIOD);

        assertThat(answer.status()).as("the store is unavailable").isEqualTo(503);
        assertThat(answer.json().getString("error")).isNotBlank();
        assertThat(answer.response().headers().firstValue("content-disposition")).isEmpty();
    }
}
