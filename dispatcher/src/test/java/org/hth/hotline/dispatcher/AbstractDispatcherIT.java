package org.hth.hotline.dispatcher;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.hth.hotline.core.config.ConsoleConfig;
import org.hth.hotline.core.config.DispatcherConfig;
import org.hth.hotline.core.destination.DeliveryPolicy;
import org.hth.hotline.core.destination.DestinationRegistry;
import org.hth.hotline.core.destination.Destinations;
import org.hth.hotline.core.live.InProcessLiveEvents;
import org.hth.hotline.core.live.LiveEvent;
import org.hth.hotline.core.outbox.OutboxEntry;
import org.hth.hotline.core.outbox.OutboxState;
import org.hth.hotline.core.referral.AccessChannel;
import org.hth.hotline.core.referral.ExploitationType;
import org.hth.hotline.core.referral.Need;
import org.hth.hotline.core.referral.Person;
import org.hth.hotline.core.referral.Territory;
import org.hth.hotline.core.referral.Ticket;
import org.hth.hotline.core.referral.TicketDraft;
import org.hth.hotline.core.referral.TicketEvent;
import org.hth.hotline.core.referral.TicketService;
import org.hth.hotline.core.referral.TicketStatus;
import org.hth.hotline.core.referral.UlidGenerator;
import org.hth.hotline.core.referral.Urgency;
import org.hth.hotline.core.referral.rules.RulesLoader;
import org.hth.hotline.core.store.Store;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The dispatcher end to end against WireMock receivers, on the store a subclass opens (SQLite or Redis):
 * the Done-means case and the fault cases. Real time with a short schedule; Awaitility, no sleeps.
 */
abstract class AbstractDispatcherIT {
    static final DispatcherConfig CONFIG = new DispatcherConfig(true, 4, Duration.ofSeconds(2), Duration.ofMillis(50));
    static final ConsoleConfig CONSOLE = new ConsoleConfig("127.0.0.1", 8080, "https://hotline.example");
    protected final Clock clock = Clock.systemUTC();
    protected final List<LiveEvent> events = new CopyOnWriteArrayList<>();
    protected Store store;
    protected Vertx vertx;
    protected Receivers receivers;
    protected InProcessLiveEvents live;
    private final List<Dispatcher> started = new CopyOnWriteArrayList<>();

    /** The store under test, fresh for each test. */
    protected abstract Store openStore();

    @BeforeEach
    void setUp() {
        store = openStore();
        vertx = Vertx.vertx();
        receivers = new Receivers();
        live = new InProcessLiveEvents();
        live.subscribe(events::add);
    }

    @AfterEach
    void tearDown() throws Exception {
        for (Dispatcher d : started) {
            d.stop().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
        }
        vertx.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
        receivers.close();
        store.close();
    }

    protected Dispatcher start(Destinations destinations, DispatcherConfig config) throws Exception {
        Dispatcher d = Dispatcher.start(vertx, store, destinations, config, CONSOLE, clock, new SimpleMeterRegistry(), live)
                .toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
        started.add(d);
        return d;
    }

    protected Dispatcher start(DestinationRegistry registry, DispatcherConfig config) throws Exception {
        Dispatcher d = Dispatcher.start(vertx, store, registry::current, config, CONSOLE, clock, new SimpleMeterRegistry(),
                live).toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
        started.add(d);
        return d;
    }

    protected TicketService tickets(Destinations destinations) {
        return new TicketService(store.tickets(), destinations,
                new RulesLoader().load(Path.of("../config/referral-rules.yaml"), destinations),
                new UlidGenerator(clock, new SecureRandom()), clock, live);
    }

    static TicketDraft draft(Territory territory, boolean minor, Need need) {
        Person person = new Person(Optional.of("F"), Optional.of(minor ? "15-17" : "25-30"), minor, Optional.of("NG"),
                List.of("en"), Optional.empty());
        return new TicketDraft(Optional.of(AccessChannel.NUMERO_VERDE), Set.of(ExploitationType.SEXUAL), person,
                Set.of(need), Optional.of(Urgency.URGENT), Optional.of(territory), true, "made-up summary",
                Optional.empty());
    }

    void answer(String id, com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder response) {
        receivers.server.stubFor(post(urlEqualTo("/" + id)).willReturn(response));
    }

    /** Answers in turn, the last one for ever after. */
    void answerInTurn(String id, List<com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder> responses) {
        String state = Scenario.STARTED;
        for (int i = 0; i < responses.size(); i++) {
            var stub = post(urlEqualTo("/" + id)).inScenario(id).whenScenarioStateIs(state).willReturn(responses.get(i));
            if (i < responses.size() - 1) {
                state = "after-" + i;
                stub = stub.willSetStateTo(state);
            }
            receivers.server.stubFor(stub);
        }
    }

    OutboxEntry entry(Ticket ticket, String destination) {
        return store.outbox().forTicket(ticket.id()).stream().filter(e -> e.destinationId().equals(destination))
                .findFirst().orElseThrow();
    }

    @Test
    void minorInAsl5WithConsentReachesTheUorAndTheAsl5UnitSignedWithinOneSecond() throws Exception {
        Destinations destinations = receivers.destinations(Receivers.FAST, Map.of());
        answer("uor", aResponse().withStatus(200));
        answer("uds-asl5", aResponse().withStatus(204));
        start(destinations, CONFIG);

        Ticket ticket = tickets(destinations).open(draft(Territory.ASL5, true, Need.HEALTH), "anna");

        await().atMost(1, TimeUnit.SECONDS).untilAsserted(() -> {
            assertThat(receivers.received("uor")).hasSize(1);
            assertThat(receivers.received("uds-asl5")).hasSize(1);
        });
        for (String id : List.of("uor", "uds-asl5")) {
            var request = receivers.received(id).get(0).getRequest();
            String body = request.getBodyAsString();
            assertThat(request.getHeader("webhook-id")).isEqualTo(entry(ticket, id).id());
            long timestamp = Long.parseLong(request.getHeader("webhook-timestamp"));
            assertThat(Instant.ofEpochSecond(timestamp)).isBetween(Instant.now().minusSeconds(10), Instant.now());
            assertThat(request.getHeader("webhook-signature")).isEqualTo(
                    StandardWebhooks.signature(Receivers.SECRET,
                            request.getHeader("webhook-id"), timestamp, body));
            JsonObject json = new JsonObject(body);
            assertThat(json.getString("type")).isEqualTo("referral.created");
            assertThat(json.getJsonObject("data").getString("statusUrl"))
                    .isEqualTo("https://hotline.example/api/referrals/" + ticket.id() + "/status");
            JsonObject person = json.getJsonObject("data").getJsonObject("person");
            assertThat(person.getBoolean("minor")).isTrue();
            // the test destinations allow neither the nationality nor the summary
            assertThat(person.containsKey("nationality")).isFalse();
            assertThat(body).doesNotContain("made-up summary");
        }
        await().atMost(2, TimeUnit.SECONDS).untilAsserted(() ->
                assertThat(store.tickets().find(ticket.id()).get().status()).isEqualTo(TicketStatus.DISPATCHED));
        assertThat(events).extracting(LiveEvent::type).contains("ticket.created", "delivery.succeeded");
    }

    @Test
    void aDisabledDestinationsReferralWaitsInTheOutboxAndGoesToItsNewUrlOnceEnabled() throws Exception {
        Destinations destinations = receivers.destinations(Receivers.FAST, Map.of());
        DestinationRegistry registry = new DestinationRegistry(destinations, store.destinations(), live, clock);
        answer("uds-asl2", aResponse().withStatus(204));
        WireMockServer moved = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        moved.start();
        try {
            moved.stubFor(post(urlEqualTo("/moved")).willReturn(aResponse().withStatus(204)));
            start(registry, CONFIG);
            registry.change("uds-asl2", Optional.empty(), Optional.of(false), "coord");

            Ticket ticket = tickets(destinations).open(draft(Territory.ASL2, false, Need.HEALTH), "anna");

            // looked at and put off: still pending, never attempted, never a dead letter
            await().atMost(5, TimeUnit.SECONDS).untilAsserted(() -> {
                OutboxEntry waiting = entry(ticket, "uds-asl2");
                assertThat(waiting.state()).isEqualTo(OutboxState.PENDING);
                assertThat(waiting.nextAttemptAt()).isAfter(waiting.createdAt().plusSeconds(1));
            });
            assertThat(entry(ticket, "uds-asl2").attempts()).isZero();
            assertThat(receivers.received("uds-asl2")).isEmpty();

            registry.change("uds-asl2", Optional.of(java.net.URI.create("http://localhost:" + moved.port() + "/moved")),
                    Optional.of(true), "coord");

            await().atMost(15, TimeUnit.SECONDS).untilAsserted(() ->
                    assertThat(entry(ticket, "uds-asl2").state()).isEqualTo(OutboxState.DELIVERED));
            assertThat(moved.getAllServeEvents()).isNotEmpty().allSatisfy(e -> assertThat(
                    e.getRequest().getHeader("webhook-id")).isEqualTo(entry(ticket, "uds-asl2").id()));
            assertThat(receivers.received("uds-asl2")).isEmpty();
        } finally {
            moved.stop();
        }
    }

    @Test
    void aChangedUrlTakesTheNextAttempt() throws Exception {
        // the configured URL refuses connections; a second each between attempts leaves time for the change
        DeliveryPolicy patient = new DeliveryPolicy(java.util.Collections.nCopies(30, Duration.ofSeconds(1)),
                Duration.ofMillis(300), Duration.ofMillis(500), 3, Duration.ofMillis(300), Duration.ofSeconds(30));
        java.net.URI refusing;
        try (java.net.ServerSocket closed = new java.net.ServerSocket(0)) {
            refusing = java.net.URI.create("http://127.0.0.1:" + closed.getLocalPort() + "/uds-asl2");
        }
        Destinations destinations = receivers.destinations(patient, Map.of("uds-asl2", refusing));
        DestinationRegistry registry = new DestinationRegistry(destinations, store.destinations(), live, clock);
        WireMockServer moved = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        moved.start();
        try {
            moved.stubFor(post(urlEqualTo("/moved")).willReturn(aResponse().withStatus(200)));
            start(registry, CONFIG);
            Ticket ticket = tickets(destinations).open(draft(Territory.ASL2, false, Need.HEALTH), "anna");
            await().atMost(10, TimeUnit.SECONDS).untilAsserted(() ->
                    assertThat(entry(ticket, "uds-asl2").attempts()).isPositive());

            registry.change("uds-asl2", Optional.of(java.net.URI.create("http://localhost:" + moved.port() + "/moved")),
                    Optional.empty(), "coord");

            await().atMost(20, TimeUnit.SECONDS).untilAsserted(() ->
                    assertThat(entry(ticket, "uds-asl2").state()).isEqualTo(OutboxState.DELIVERED));
            assertThat(moved.getAllServeEvents()).isNotEmpty().allSatisfy(e -> assertThat(
                    e.getRequest().getHeader("webhook-id")).isEqualTo(entry(ticket, "uds-asl2").id()));
            assertThat(entry(ticket, "uds-asl2").attempts()).isGreaterThanOrEqualTo(2);
        } finally {
            moved.stop();
        }
    }

    @Test
    void aNewReferralIsSentWithoutWaitingForThePoll() throws Exception {
        Destinations destinations = receivers.destinations(Receivers.FAST, Map.of());
        answer("uor", aResponse().withStatus(204));
        answer("uds-asl5", aResponse().withStatus(204));
        start(destinations, new DispatcherConfig(true, 4, Duration.ofSeconds(2), Duration.ofMinutes(10)));

        tickets(destinations).open(draft(Territory.ASL5, true, Need.HEALTH), "anna");

        // the first poll ran at start-up, the next is ten minutes away: ticket.created must wake the dispatcher
        await().atMost(5, TimeUnit.SECONDS).untilAsserted(() -> {
            assertThat(receivers.received("uor")).hasSize(1);
            assertThat(receivers.received("uds-asl5")).hasSize(1);
        });
    }

    @Test
    void everyFaultEndsDeliveredExactlyOnceOrDead() throws Exception {
        Destinations destinations = receivers.destinations(Receivers.FAST, Map.of());
        answerInTurn("uds-asl1", List.of(aResponse().withStatus(500), aResponse().withStatus(500),
                aResponse().withStatus(200)));
        answerInTurn("uds-asl2", List.of(aResponse().withStatus(503).withHeader("Retry-After", "1"),
                aResponse().withStatus(200)));
        answer("uds-asl3-4", aResponse().withStatus(400));
        answerInTurn("uds-asl5", List.of(aResponse().withStatus(503).withFixedDelay(1_500), aResponse().withStatus(200)));
        answerInTurn("uor", List.of(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER),
                aResponse().withStatus(200).withFixedDelay(250)));
        start(destinations, CONFIG);
        TicketService service = tickets(destinations);
        Map<String, Ticket> byUnit = new java.util.LinkedHashMap<>();
        byUnit.put("uds-asl1", service.open(draft(Territory.ASL1, false, Need.HEALTH), "anna"));
        byUnit.put("uds-asl2", service.open(draft(Territory.ASL2, false, Need.HEALTH), "anna"));
        byUnit.put("uds-asl3-4", service.open(draft(Territory.ASL3, false, Need.HEALTH), "anna"));
        byUnit.put("uds-asl5", service.open(draft(Territory.ASL5, false, Need.HEALTH), "anna"));
        byUnit.put("uor", service.open(draft(Territory.OUTSIDE_LIGURIA, false, Need.HEALTH), "anna"));

        await().atMost(15, TimeUnit.SECONDS).untilAsserted(() -> byUnit.forEach((unit, ticket) ->
                assertThat(entry(ticket, unit).state()).isNotEqualTo(OutboxState.PENDING)));

        OutboxEntry refused = entry(byUnit.get("uds-asl3-4"), "uds-asl3-4");
        assertThat(refused.state()).isEqualTo(OutboxState.DEAD);
        assertThat(refused.attempts()).isEqualTo(1);
        assertThat(events).filteredOn(e -> e.type().equals("delivery.dead"))
                .singleElement().satisfies(e -> assertThat(e.data()).containsEntry("entry", refused.id()));
        Map<String, Integer> expectedRequests = Map.of("uds-asl1", 3, "uds-asl2", 2, "uds-asl5", 2, "uor", 2);
        expectedRequests.forEach((unit, requests) -> {
            OutboxEntry e = entry(byUnit.get(unit), unit);
            assertThat(e.state()).as(unit).isEqualTo(OutboxState.DELIVERED);
            assertThat(receivers.answered2xx(unit, e.id())).as(unit).isEqualTo(1);
            assertThat(receivers.received(unit)).as(unit).hasSize(requests)
                    .allSatisfy(r -> assertThat(r.getRequest().getHeader("webhook-id")).isEqualTo(e.id()));
            assertThat(store.outbox().attempts(e.id())).as(unit).hasSize(requests);
        });
        List<ServeEvent> asl2 = receivers.received("uds-asl2");
        assertThat(Duration.between(asl2.get(0).getRequest().getLoggedDate().toInstant(),
                asl2.get(1).getRequest().getLoggedDate().toInstant())).isGreaterThanOrEqualTo(Duration.ofMillis(950));
        assertThat(store.outbox().attempts(entry(byUnit.get("uds-asl5"), "uds-asl5").id()).get(0).error())
                .hasValueSatisfying(error -> assertThat(error).containsIgnoringCase("timeout"));
    }

    @Test
    void aTicketsLaterMessageToADestinationArrivesAfterItsEarlierOneEvenWhenThatOneIsRetried() throws Exception {
        Destinations destinations = receivers.destinations(Receivers.FAST, Map.of());
        answerInTurn("uor", List.of(aResponse().withStatus(503), aResponse().withStatus(503),
                aResponse().withStatus(200)));
        start(destinations, CONFIG);
        Ticket ticket = tickets(destinations).open(draft(Territory.OUTSIDE_LIGURIA, false, Need.HEALTH), "anna");
        OutboxEntry first = entry(ticket, "uor");
        OutboxEntry later = OutboxEntry.pending(first.id() + "z", ticket.id(), "uor", "referral.updated",
                first.payload(), clock.instant());
        store.tickets().append(ticket.id(), new TicketEvent(clock.instant(), "anna", "updated", Optional.empty(), ""),
                List.of(later));

        await().atMost(10, TimeUnit.SECONDS).untilAsserted(() -> assertThat(List.of(first.id(), later.id()))
                .allSatisfy(id -> assertThat(store.outbox().find(id).orElseThrow().state())
                        .isEqualTo(OutboxState.DELIVERED)));
        assertThat(receivers.received("uor")).extracting(r -> r.getRequest().getHeader("webhook-id"))
                .containsExactly(first.id(), first.id(), first.id(), later.id());
    }

    @Test
    void entriesGivenBackForAFullDestinationQueueGoWithoutWaitingForThePoll() throws Exception {
        Destinations destinations = receivers.destinations(Receivers.FAST, Map.of());
        answer("uor", aResponse().withStatus(204).withFixedDelay(50));
        answer("uds-asl5", aResponse().withStatus(204));
        TicketService service = tickets(destinations);
        for (int i = 0; i < 12; i++) {
            service.open(draft(Territory.ASL5, true, Need.HEALTH), "anna");
        }

        // two workers: a destination's queue holds 8, a claim up to 16; the ASL 5 unit answers at once, the UOR
        // slowly, so a claim after the unit's queue emptied brings more UOR entries than its queue has room for;
        // the poll is ten minutes away
        start(destinations, new DispatcherConfig(true, 2, Duration.ofSeconds(30), Duration.ofMinutes(10)));

        await().atMost(20, TimeUnit.SECONDS).untilAsserted(() -> {
            assertThat(receivers.received("uor")).hasSize(12);
            assertThat(receivers.received("uds-asl5")).hasSize(12);
        });
    }

    @Test
    void aDeadReceiverDoesNotDelayTheOthers() throws Exception {
        Destinations destinations = receivers.destinations(Receivers.FAST, Map.of());
        answer("uds-asl3-4", aResponse().withStatus(503).withFixedDelay(3_000));
        answer("uor", aResponse().withStatus(200));
        answer("uds-asl5", aResponse().withStatus(200));
        start(destinations, CONFIG);
        TicketService service = tickets(destinations);
        for (int i = 0; i < 6; i++) {
            service.open(draft(Territory.ASL3, false, Need.HEALTH), "anna");
        }

        Ticket urgent = service.open(draft(Territory.ASL5, true, Need.EMERGENCY_SHELTER), "anna");

        await().atMost(1, TimeUnit.SECONDS).untilAsserted(() -> {
            assertThat(entry(urgent, "uor").state()).isEqualTo(OutboxState.DELIVERED);
            assertThat(entry(urgent, "uds-asl5").state()).isEqualTo(OutboxState.DELIVERED);
        });
    }

    @Test
    void aReceiverThatIsDownThenBackGetsTheReferralOnce() throws Exception {
        // a receiver that has just started answers its first request slowly: the total timeout leaves it room,
        // so that a 2xx it sends is one the dispatcher sees
        int port;
        try (var socket = new java.net.ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        DeliveryPolicy patient = new DeliveryPolicy(java.util.Collections.nCopies(20, Duration.ofMillis(200)),
                Duration.ofMillis(300), Duration.ofMillis(3_000), 3, Duration.ofMillis(300), Duration.ofSeconds(30));
        Destinations destinations = receivers.destinations(patient,
                Map.of("uds-asl2", java.net.URI.create("http://localhost:" + port + "/uds-asl2")));
        start(destinations, new DispatcherConfig(true, 4, Duration.ofSeconds(5), Duration.ofMillis(50)));
        Ticket ticket = tickets(destinations).open(draft(Territory.ASL2, false, Need.HEALTH), "anna");
        await().atMost(5, TimeUnit.SECONDS).until(() -> !store.outbox().attempts(entry(ticket, "uds-asl2").id()).isEmpty());

        WireMockServer back = new WireMockServer(WireMockConfiguration.options().port(port));
        back.stubFor(post(urlEqualTo("/uds-asl2")).willReturn(aResponse().withStatus(200)));
        back.start();
        try {
            await().atMost(5, TimeUnit.SECONDS).untilAsserted(() ->
                    assertThat(entry(ticket, "uds-asl2").state()).isEqualTo(OutboxState.DELIVERED));
            // a receiver's answer after the total timeout is one the dispatcher never saw: it may send again,
            // with the same webhook-id; what it saw is exactly one 2xx
            String id = entry(ticket, "uds-asl2").id();
            assertThat(store.outbox().attempts(id)).filteredOn(a -> a.statusCode().isPresent())
                    .singleElement().satisfies(a -> assertThat(a.statusCode().getAsInt()).isEqualTo(200));
            assertThat(back.getAllServeEvents()).isNotEmpty()
                    .allSatisfy(e -> assertThat(e.getRequest().getHeader("webhook-id")).isEqualTo(id));
        } finally {
            back.stop();
        }
    }

    @Test
    void aDispatcherKilledBetweenSendAndRecordIsReplacedAndTheTicketArrivesAgainWithTheSameWebhookId() throws Exception {
        Destinations destinations = receivers.destinations(Receivers.FAST, Map.of());
        answer("uds-asl1", aResponse().withStatus(200));
        DispatcherConfig shortLease = new DispatcherConfig(true, 4, Duration.ofSeconds(1), Duration.ofMillis(50));
        java.util.concurrent.CompletableFuture<String> sent = new java.util.concurrent.CompletableFuture<>();
        String crashed = vertx.deployVerticle(new org.hth.hotline.dispatcher.delivery.DeliveryVerticle(
                CrashingNode.parts(store, destinations, shortLease, clock, live, vertx, sent)))
                .toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
        Ticket ticket = tickets(destinations).open(draft(Territory.ASL1, false, Need.HEALTH), "anna");

        String webhookId = sent.get(5, TimeUnit.SECONDS);
        vertx.undeploy(crashed).toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
        assertThat(entry(ticket, "uds-asl1").state()).isEqualTo(OutboxState.PENDING);
        start(destinations, shortLease);

        await().atMost(5, TimeUnit.SECONDS).untilAsserted(() ->
                assertThat(entry(ticket, "uds-asl1").state()).isEqualTo(OutboxState.DELIVERED));
        assertThat(receivers.received("uds-asl1")).hasSize(2)
                .allSatisfy(r -> assertThat(r.getRequest().getHeader("webhook-id")).isEqualTo(webhookId));
        assertThat(webhookId).isEqualTo(entry(ticket, "uds-asl1").id());
        assertThat(store.outbox().attempts(webhookId)).hasSize(1);
    }

    @Test
    void aTicketANodeDeliveredButStoppedBeforeMarkingIsMarkedDispatchedByTheNextNode() throws Exception {
        Destinations destinations = receivers.destinations(Receivers.FAST, Map.of());
        Ticket ticket = tickets(destinations).open(draft(Territory.ASL5, true, Need.HEALTH), "anna");
        for (var claimed : store.outbox().claim("stopped-node", 10, Duration.ofSeconds(30))) {
            store.outbox().complete(claimed);
        }
        assertThat(store.tickets().find(ticket.id()).orElseThrow().status()).isEqualTo(TicketStatus.OPEN);

        start(destinations, CONFIG);

        await().atMost(2, TimeUnit.SECONDS).untilAsserted(() ->
                assertThat(store.tickets().find(ticket.id()).orElseThrow().status()).isEqualTo(TicketStatus.DISPATCHED));
        assertThat(receivers.received("uor")).as("delivered once, by the node that stopped").isEmpty();
    }
}
