package org.hth.hotline.console.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.vertx.core.json.JsonObject;

import org.hth.hotline.console.testing.ApiServer;
import org.hth.hotline.console.testing.Browser;
import org.hth.hotline.core.live.LiveEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventsIT {
    @TempDir
    Path dir;
    ApiServer server;

    @BeforeEach
    void start() throws Exception {
        server = new ApiServer(dir);
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    @Test
    void ringingReachesOnlyTheOperatorBeingRungAndCoordinators() throws Exception {
        Inbox anna = connect(server.loggedIn("anna"));
        Inbox luca = connect(server.loggedIn("luca"));
        Inbox carla = connect(server.loggedIn("carla"));

        publish("call.ringing", Map.of("callId", "c1", "operatorId", "op-luca", "language", "en"));
        publish("call.ringing", Map.of("callId", "c2", "operatorIds", List.of("op-anna", "op-sara")));

        assertThat(anna.next().getJsonObject("data").getString("callId")).isEqualTo("c2");
        assertThat(luca.next().getJsonObject("data").getString("callId")).isEqualTo("c1");
        assertThat(carla.next().getJsonObject("data").getString("callId")).isEqualTo("c1");
        assertThat(carla.next().getJsonObject("data").getString("callId")).isEqualTo("c2");
        publish("pbx.connection", Map.of("state", "DOWN"));
        assertThat(luca.next().getString("type")).isEqualTo("pbx.connection");
        assertThat(anna.next().getString("type")).as("nothing for op-luca in between").isEqualTo("pbx.connection");
    }

    @Test
    void eachRoleGetsOnlyItsEvents() throws Exception {
        Inbox anna = connect(server.loggedIn("anna"));
        Inbox adam = connect(server.loggedIn("adam"));
        Inbox carla = connect(server.loggedIn("carla"));

        publish("delivery.dead", Map.of("ticket", "t1", "destination", "uor"));
        publish("presence.changed", Map.of("operatorId", "op-luca", "state", "AWAY"));
        publish("ticket.created", Map.of("ticket", "t2", "createdBy", "luca"));
        publish("ticket.created", Map.of("ticket", "t3", "createdBy", "anna"));
        publish("pbx.connection", Map.of("state", "UP"));

        assertThat(types(carla, 5)).containsExactly("delivery.dead", "presence.changed", "ticket.created",
                "ticket.created", "pbx.connection");
        JsonObject annaFirst = anna.next();
        assertThat(annaFirst.getJsonObject("data").getString("ticket")).isEqualTo("t3");
        assertThat(anna.next().getString("type")).isEqualTo("pbx.connection");
        assertThat(adam.next().getString("type")).isEqualTo("pbx.connection");
    }

    @Test
    void eventsAreJsonWithTypeAtAndEscapedData() throws Exception {
        Inbox carla = connect(server.loggedIn("carla"));

        publish("call.ringing", Map.of("callId", "c1", "callerName", "<script>alert(1)</script>"));

        String raw = carla.raw.poll(5, TimeUnit.SECONDS);
        assertThat(raw).doesNotContain("<script").contains("\\u003cscript");
        JsonObject event = new JsonObject(raw);
        assertThat(event.getString("at")).isEqualTo("2026-11-21T23:00:00Z");
        assertThat(event.getJsonObject("data").getString("callerName")).isEqualTo("<script>alert(1)</script>");
    }

    @Test
    void anonymousUpgradeIsRefusedWith401() {
        assertThat(refusal(server.anonymous(), ApiServer.PUBLIC_URL)).isEqualTo(401);
    }

    @Test
    void upgradeFromAnotherOriginIsRefusedWith403() {
        assertThat(refusal(server.loggedIn("anna"), "https://evil.example")).isEqualTo(403);
    }

    private static int refusal(Browser browser, String origin) {
        Throwable failure = catchThrowable(() -> browser.events(origin, new Inbox()).get(5, TimeUnit.SECONDS));
        assertThat(failure).isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(WebSocketHandshakeException.class);
        return ((WebSocketHandshakeException) failure.getCause()).getResponse().statusCode();
    }

    @Test
    void loggingOutStopsTheEvents() throws Exception {
        Browser annaBrowser = server.loggedIn("anna");
        Inbox anna = connect(annaBrowser);
        annaBrowser.delete("/api/session").assertStatus(204);

        assertThat(anna.closed.poll(5, TimeUnit.SECONDS)).isEqualTo(1008);
        publish("pbx.connection", Map.of("state", "UP"));
        assertThat(anna.received).isEmpty();
    }

    @Test
    void socketsThatComeAndGoBetweenEventsGetExactlyTheEventsOfTheirTime() throws Exception {
        Inbox first = connect(server.loggedIn("carla"));
        Inbox leaving = new Inbox();
        WebSocket leavingSocket = server.loggedIn("carla").events(ApiServer.PUBLIC_URL, leaving)
                .get(5, TimeUnit.SECONDS);
        Inbox last = connect(server.loggedIn("carla"));
        publish("delivery.dead", Map.of("ticket", "t1"));
        assertThat(leaving.next().getJsonObject("data").getString("ticket")).isEqualTo("t1");

        leavingSocket.abort(); // gone without a close frame: the next events must still reach the others
        publish("delivery.dead", Map.of("ticket", "t2"));
        publish("delivery.dead", Map.of("ticket", "t3"));
        Inbox joining = connect(server.loggedIn("carla"));
        publish("delivery.dead", Map.of("ticket", "t4"));

        for (Inbox inbox : List.of(first, last)) {
            assertThat(List.of(ticket(inbox), ticket(inbox), ticket(inbox), ticket(inbox)))
                    .containsExactly("t1", "t2", "t3", "t4");
        }
        assertThat(ticket(joining)).isEqualTo("t4");
        assertThat(leaving.received).isEmpty();
    }

    @Test
    void aSocketThatStopsReadingIsClosedAsTooSlowAndTheOthersMissNothing() throws Exception {
        Inbox reading = connect(server.loggedIn("carla"));
        Stalled stalled = new Stalled();
        server.loggedIn("carla").events(ApiServer.PUBLIC_URL, stalled).get(5, TimeUnit.SECONDS);
        String filler = "x".repeat(60_000);
        int count = 600; // 36 MB: more than both sides' socket buffers and the hub's write queue can hold

        for (int i = 0; i < count; i++) {
            publish("delivery.dead", Map.of("ticket", "t" + i, "filler", filler));
            assertThat(ticket(reading)).as("the reading socket gets every event, in order").isEqualTo("t" + i);
        }
        stalled.socket.request(Long.MAX_VALUE);

        assertThat(stalled.closed.poll(10, TimeUnit.SECONDS)).as("closed as too slow").isEqualTo(1013);
        assertThat(stalled.texts.get()).as("events it had before it was dropped").isPositive().isLessThan(count);
        publish("pbx.connection", Map.of("state", "UP"));
        assertThat(reading.next().getString("type")).isEqualTo("pbx.connection");
    }

    private static String ticket(Inbox inbox) throws InterruptedException {
        return inbox.next().getJsonObject("data").getString("ticket");
    }

    private Inbox connect(Browser browser) throws Exception {
        Inbox inbox = new Inbox();
        browser.events(ApiServer.PUBLIC_URL, inbox).get(5, TimeUnit.SECONDS);
        return inbox;
    }

    private void publish(String type, Map<String, Object> data) {
        server.events.publish(new LiveEvent(type, server.clock.instant(), data));
    }

    private static List<String> types(Inbox inbox, int n) throws InterruptedException {
        List<String> types = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) {
            types.add(inbox.next().getString("type"));
        }
        return types;
    }

    /** Reads one message, then nothing until told to: its socket's buffers fill up. */
    static final class Stalled implements WebSocket.Listener {
        final AtomicInteger texts = new AtomicInteger();
        final BlockingQueue<Integer> closed = new LinkedBlockingQueue<>();
        volatile WebSocket socket;

        @Override
        public void onOpen(WebSocket webSocket) {
            socket = webSocket;
            webSocket.request(1);
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            if (last) {
                texts.incrementAndGet();
            }
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed.add(statusCode);
            return null;
        }
    }

    /** Collects a socket's text messages. */
    static final class Inbox implements WebSocket.Listener {
        final BlockingQueue<JsonObject> received = new LinkedBlockingQueue<>();
        final BlockingQueue<String> raw = new LinkedBlockingQueue<>();
        final BlockingQueue<Integer> closed = new LinkedBlockingQueue<>();
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                raw.add(partial.toString());
                received.add(new JsonObject(partial.toString()));
                partial.setLength(0);
            }
            socket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket socket, int statusCode, String reason) {
            closed.add(statusCode);
            return null;
        }

        JsonObject next() throws InterruptedException {
            JsonObject event = received.poll(5, TimeUnit.SECONDS);
            assertThat(event).as("an event within 5 s").isNotNull();
            raw.poll();
            return event;
        }
    }
}
