package org.hth.hotline.console.deliveries;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

import org.hth.hotline.console.api.Blocking;
import org.hth.hotline.console.audit.Auditor;
import org.hth.hotline.console.testing.ApiServer;
import org.hth.hotline.core.audit.AuditEntry;
import org.hth.hotline.core.audit.AuditQuery;
import org.hth.hotline.core.config.ConsoleConfig;
import org.hth.hotline.core.destination.DestinationRegistry;
import org.hth.hotline.core.destination.TestDestinations;
import org.hth.hotline.core.live.InProcessLiveEvents;
import org.hth.hotline.core.outbox.ReplaySelection;
import org.hth.hotline.core.store.sqlite.SqliteStore;
import org.hth.hotline.core.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DestinationRoutesIT {
    private static final String CHANGE = "/api/destinations/uds-asl2";

    @TempDir
    Path dir;
    private final MutableClock clock = new MutableClock(java.time.Instant.parse("2026-11-22T02:00:00Z"));
    private final Vertx workers = Vertx.vertx();
    private SqliteStore store;
    private DestinationRegistry registry;
    private ApiServer server;

    @BeforeEach
    void start() throws Exception {
        store = SqliteStore.open(dir.resolve("destinations.db"), clock);
        registry = new DestinationRegistry(TestDestinations.sample(), store.destinations(), new InProcessLiveEvents(),
                clock);
        DeliveryControl control = new DeliveryControl() {
            @Override
            public Map<String, Object> destinations() {
                return Map.of("uds-asl2", "CLOSED");
            }

            @Override
            public Future<Integer> replay(ReplaySelection selection) {
                return Future.succeededFuture(0);
            }
        };
        DestinationRoutes routes = new DestinationRoutes(registry, control, new Auditor(store.audit(), clock),
                new Blocking(workers));
        server = new ApiServer(dir.resolve("console"), new ConsoleConfig("127.0.0.1", 0, ApiServer.PUBLIC_URL),
                api -> api.withRoutes(routes), List.of());
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
        workers.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        store.close();
    }

    @Test
    void coordinatorSeesEachDestinationAsConfiguredBeforeAnyChange() {
        JsonObject asl2 = destination(server.loggedIn("carla").get("/api/destinations").assertStatus(200).json(),
                "uds-asl2");

        assertThat(asl2.getString("url")).isEqualTo("http://127.0.0.1:9/uds-asl2");
        assertThat(asl2.getBoolean("enabled")).isTrue();
        assertThat(asl2.getBoolean("configured")).isTrue();
        assertThat(asl2.getString("state")).isEqualTo("CLOSED");
        assertThat(asl2.getBoolean("overridden")).isFalse();
        assertThat(asl2.containsKey("changedBy")).isFalse();
        assertThat(asl2.encode()).doesNotContain("whsec_").doesNotContain(TestDestinations.SECRET.substring(6));
    }

    @Test
    void coordinatorChangesTheUrlAndDisablesItAndTheChangeIsAuditedWithTheHostOnly() {
        var carla = server.loggedIn("carla");
        JsonObject changed = carla.put(CHANGE, new JsonObject().put("url", "https://new.example/hook/s3cret-path")
                .put("enabled", false)).assertStatus(200).json();

        assertThat(changed.getString("url")).isEqualTo("https://new.example/hook/s3cret-path");
        assertThat(changed.getBoolean("enabled")).isFalse();
        assertThat(changed.getBoolean("overridden")).isTrue();
        assertThat(changed.getString("changedBy")).isEqualTo("carla");
        assertThat(changed.getString("changedAt")).isEqualTo("2026-11-22T02:00:00Z");
        assertThat(changed.getString("configuredUrl")).isEqualTo("http://127.0.0.1:9/uds-asl2");
        assertThat(registry.current().find("uds-asl2").orElseThrow().enabled()).isFalse();
        assertThat(destination(carla.get("/api/destinations").json(), "uds-asl2").getString("url"))
                .isEqualTo("https://new.example/hook/s3cret-path");
        List<AuditEntry> audit = store.audit().query(new AuditQuery(Optional.empty(), Optional.empty(),
                Optional.of("carla"), 10));
        assertThat(audit).singleElement().satisfies(e -> {
            assertThat(e.action()).isEqualTo("destination.change");
            assertThat(e.subjectId()).isEqualTo("uds-asl2");
            assertThat(e.detail()).isEqualTo("url 127.0.0.1:9 → new.example; enabled true → false");
        });

        carla.put(CHANGE, new JsonObject().put("enabled", true)).assertStatus(200);
        assertThat(registry.current().find("uds-asl2").orElseThrow().url().orElseThrow().getHost())
                .isEqualTo("new.example");
        assertThat(store.audit().query(new AuditQuery(Optional.empty(), Optional.empty(), Optional.of("carla"), 10))
                .get(0).detail()).isEqualTo("enabled false → true");
    }

    @Test
    void coordinatorResetsTheChangeAndTheConfiguredValuesApplyAgain() {
        var carla = server.loggedIn("carla");
        carla.put(CHANGE, new JsonObject().put("url", "https://new.example/hook").put("enabled", false))
                .assertStatus(200);

        JsonObject reset = carla.delete(CHANGE + "/override").assertStatus(200).json();

        assertThat(reset.getString("url")).isEqualTo("http://127.0.0.1:9/uds-asl2");
        assertThat(reset.getBoolean("enabled")).isTrue();
        assertThat(reset.getBoolean("overridden")).isFalse();
        assertThat(store.destinations().overrides()).isEmpty();
        assertThat(store.audit().query(new AuditQuery(Optional.empty(), Optional.empty(), Optional.of("carla"), 10))
                .get(0)).satisfies(e -> {
                    assertThat(e.action()).isEqualTo("destination.reset");
                    assertThat(e.detail()).isEqualTo("url new.example → 127.0.0.1:9; enabled false → true");
                });
        carla.delete(CHANGE + "/override").assertStatus(200);
        carla.delete("/api/destinations/uds-asl9/override").assertStatus(404);
        server.loggedIn("anna").delete(CHANGE + "/override").assertStatus(403);
    }

    @Test
    void anOperatorGets403AndChangesNothing() {
        var anna = server.loggedIn("anna");
        anna.get("/api/destinations").assertStatus(403);
        anna.put(CHANGE, new JsonObject().put("enabled", false)).assertStatus(403);

        assertThat(registry.current().find("uds-asl2").orElseThrow().enabled()).isTrue();
    }

    @Test
    void withoutTheCsrfTokenTheChangeIsRefused() {
        server.loggedIn("carla").send("PUT", CHANGE, "{\"enabled\":false}", Optional.empty()).assertStatus(403);

        assertThat(store.destinations().overrides()).isEmpty();
    }

    @Test
    void badValuesGet400NamingTheFieldAndChangeNothing() {
        var carla = server.loggedIn("carla");
        assertThat(fields(carla.put(CHANGE, new JsonObject().put("url", "http://uds.example/hook"))
                .assertStatus(400).json())).containsOnlyKeys("url")
                .hasEntrySatisfying("url", m -> assertThat(String.valueOf(m)).contains("https://"));
        assertThat(fields(carla.put(CHANGE, new JsonObject().put("url", "not a url")).assertStatus(400).json()))
                .containsOnlyKeys("url");
        assertThat(fields(carla.put(CHANGE, new JsonObject().put("url", 42)).assertStatus(400).json()))
                .containsOnlyKeys("url");
        assertThat(fields(carla.put(CHANGE, new JsonObject().put("enabled", "yes")).assertStatus(400).json()))
                .containsOnlyKeys("enabled");
        assertThat(fields(carla.put(CHANGE, new JsonObject().put("secret", "whsec_x")).assertStatus(400).json()))
                .containsOnlyKeys("secret");
        assertThat(fields(carla.put(CHANGE, new JsonObject()).assertStatus(400).json())).containsOnlyKeys("url");
        carla.put("/api/destinations/uds-asl9", new JsonObject().put("enabled", false)).assertStatus(404);

        assertThat(store.destinations().overrides()).isEmpty();
        assertThat(store.audit().query(new AuditQuery(Optional.empty(), Optional.empty(), Optional.of("carla"), 10)))
                .isEmpty();
    }

    private static JsonObject destination(JsonObject list, String id) {
        return list.getJsonArray("destinations").stream().map(JsonObject.class::cast)
                .filter(d -> d.getString("id").equals(id)).findFirst().orElseThrow();
    }

    private static Map<String, Object> fields(JsonObject problem) {
        return problem.getJsonObject("fields").getMap();
    }
}
