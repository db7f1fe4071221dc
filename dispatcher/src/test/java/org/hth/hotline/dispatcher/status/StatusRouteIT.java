package org.hth.hotline.dispatcher.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import org.hth.hotline.core.destination.DestinationsLoader;
import org.hth.hotline.core.destination.Destinations;
import org.hth.hotline.core.live.InProcessLiveEvents;
import org.hth.hotline.core.referral.AccessChannel;
import org.hth.hotline.core.referral.ExploitationType;
import org.hth.hotline.core.referral.Need;
import org.hth.hotline.core.referral.Person;
import org.hth.hotline.core.referral.Territory;
import org.hth.hotline.core.referral.Ticket;
import org.hth.hotline.core.referral.TicketDraft;
import org.hth.hotline.core.referral.TicketService;
import org.hth.hotline.core.referral.TicketStatus;
import org.hth.hotline.core.referral.TicketStatusService;
import org.hth.hotline.core.referral.UlidGenerator;
import org.hth.hotline.core.referral.Urgency;
import org.hth.hotline.core.referral.rules.RulesLoader;
import org.hth.hotline.core.store.Store;
import org.hth.hotline.core.store.sqlite.SqliteStore;
import org.hth.hotline.dispatcher.StandardWebhooks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code POST /api/referrals/{id}/status} on a real HTTP server, signed by hand in the test. */
class StatusRouteIT {
    private static final String UOR_SECRET = secret(32, 1);
    private static final String ASL5_SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final String ASL1_SECRET = secret(24, 2);
    @TempDir
    Path dir;
    private final Clock clock = Clock.systemUTC();
    private Store store;
    private Vertx vertx;
    private WebClient client;
    private int port;
    private Ticket ticket;

    /** A made-up secret (distinct bytes: zero keys of any length are the same HMAC key). */
    private static String secret(int length, int seed) {
        byte[] key = new byte[length];
        new java.util.Random(seed).nextBytes(key);
        return "whsec_" + java.util.Base64.getEncoder().encodeToString(key);
    }

    @BeforeEach
    void setUp() throws Exception {
        store = SqliteStore.open(dir.resolve("hotline.db"), clock);
        Destinations destinations = new DestinationsLoader(Map.of(
                "HOTLINE_DESTINATION_UOR_SECRET", UOR_SECRET, "HOTLINE_DESTINATION_UDS_ASL5_SECRET", ASL5_SECRET,
                "HOTLINE_DESTINATION_UDS_ASL1_SECRET", ASL1_SECRET)).parse("destinations:\n"
                + "  - {id: uor, url: 'http://127.0.0.1:9/uor', fields: [urgency]}\n"
                + "  - {id: uds-asl1, url: 'http://127.0.0.1:9/asl1', territories: [ASL1], fields: [urgency]}\n"
                + "  - {id: uds-asl5, url: 'http://127.0.0.1:9/asl5', territories: [ASL5], fields: [urgency]}\n");
        InProcessLiveEvents live = new InProcessLiveEvents();
        TicketService service = new TicketService(store.tickets(), destinations,
                new RulesLoader().load(Path.of("../config/referral-rules.yaml"), destinations),
                new UlidGenerator(clock, new SecureRandom()), clock, live);
        ticket = service.open(new TicketDraft(Optional.of(AccessChannel.HOSPITAL), Set.of(ExploitationType.SEXUAL),
                new Person(Optional.empty(), Optional.of("15-17"), true, Optional.empty(), List.of(), Optional.empty()),
                Set.of(Need.HEALTH), Optional.of(Urgency.URGENT), Optional.of(Territory.ASL5), true, "made up",
                Optional.empty()), "anna");
        vertx = Vertx.vertx();
        Router router = Router.router(vertx);
        new StatusRoute(destinations, new TicketStatusService(store.tickets(), clock, live), clock).mount(router);
        port = vertx.createHttpServer().requestHandler(router).listen(0).toCompletionStage().toCompletableFuture()
                .get(5, TimeUnit.SECONDS).actualPort();
        client = WebClient.create(vertx);
    }

    @AfterEach
    void tearDown() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
        store.close();
    }

    private HttpResponse<Buffer> post(String ticketId, String secret, Instant at, JsonObject answer) throws Exception {
        String body = answer.encode();
        String id = "msg_" + System.nanoTime();
        return client.post(port, "localhost", "/api/referrals/" + ticketId + "/status")
                .putHeader("webhook-id", id)
                .putHeader("webhook-timestamp", Long.toString(at.getEpochSecond()))
                .putHeader("webhook-signature", StandardWebhooks.signature(secret, id, at.getEpochSecond(), body))
                .sendBuffer(Buffer.buffer(body)).toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
    }

    private static JsonObject status(String status) {
        return new JsonObject().put("status", status);
    }

    @Test
    void signedAcceptanceMovesTheTicketAndIsInItsHistory() throws Exception {
        HttpResponse<Buffer> response = post(ticket.id(), ASL5_SECRET, Instant.now(), status("ACCEPTED"));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.bodyAsJsonObject().getString("status")).isEqualTo("ACCEPTED");
        Ticket now = store.tickets().find(ticket.id()).orElseThrow();
        assertThat(now.status()).isEqualTo(TicketStatus.ACCEPTED);
        assertThat(now.history()).last().satisfies(e -> assertThat(e.by()).isEqualTo("destination:uds-asl5"));
    }

    @Test
    void badSignatureIsUnauthorised() throws Exception {
        String wrong = secret(40, 3);
        HttpResponse<Buffer> response = post(ticket.id(), wrong, Instant.now(), status("ACCEPTED"));
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.bodyAsJsonObject().getString("error")).isEqualTo("bad_signature");
        assertThat(store.tickets().find(ticket.id()).orElseThrow().status()).isEqualTo(TicketStatus.OPEN);
    }

    @Test
    void staleTimestampIsUnauthorised() throws Exception {
        HttpResponse<Buffer> response = post(ticket.id(), ASL5_SECRET, Instant.now().minusSeconds(301), status("ACCEPTED"));
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.bodyAsJsonObject().getString("error")).isEqualTo("stale_timestamp");
    }

    @Test
    void unsignedRequestIsUnauthorised() throws Exception {
        HttpResponse<Buffer> response = client.post(port, "localhost", "/api/referrals/" + ticket.id() + "/status")
                .sendJsonObject(status("ACCEPTED")).toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.bodyAsJsonObject().getString("error")).isEqualTo("unauthenticated");
    }

    @Test
    void aDestinationTheTicketWasNotSentToIsForbidden() throws Exception {
        HttpResponse<Buffer> response = post(ticket.id(), ASL1_SECRET, Instant.now(), status("ACCEPTED"));
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.bodyAsJsonObject().getString("error")).isEqualTo("not_a_destination");
    }

    @Test
    void aTransitionTheLifeCycleRefusesIsAConflict() throws Exception {
        HttpResponse<Buffer> response = post(ticket.id(), UOR_SECRET, Instant.now(), status("DONE"));
        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(response.bodyAsJsonObject().getString("error")).isEqualTo("bad_transition");
    }

    @Test
    void rejectionWithoutReasonIsABadRequestNamingTheField() throws Exception {
        HttpResponse<Buffer> response = post(ticket.id(), UOR_SECRET, Instant.now(), status("REJECTED"));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.bodyAsJsonObject().getJsonObject("fields").containsKey("reason")).isTrue();
        assertThat(post(ticket.id(), UOR_SECRET, Instant.now(), status("REJECTED").put("reason", "no places"))
                .statusCode()).isEqualTo(200);
    }

    @Test
    void unknownTicketIsNotFound() throws Exception {
        assertThat(post("01NOSUCHTICKET00000000000", UOR_SECRET, Instant.now(), status("ACCEPTED")).statusCode())
                .isEqualTo(404);
    }
}
