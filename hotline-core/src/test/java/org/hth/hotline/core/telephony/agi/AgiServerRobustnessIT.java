package org.hth.hotline.core.telephony.agi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.hth.hotline.core.telephony.agi.FakeAsterisk.Dial;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Clients that are not a well-behaved Asterisk, and many calls at once. */
class AgiServerRobustnessIT {
    @RegisterExtension
    final RouteServerExtension server = new RouteServerExtension();

    @Test
    void garbageInsteadOfAnEnvironmentIsClosedAndTheNextCallIsServed() throws IOException {
        String answered = exchange(InetAddress.getLoopbackAddress(), "GET / HTTP/1.1\r\nHost: x\r\n\r\n", false);

        assertThat(answered).doesNotContain("ANSWER").doesNotContain("EXEC");
        assertThat(server.store.tickets).isEmpty();
        assertNextCallIsServed();
    }

    @Test
    void endlessLineIsClosed() throws IOException {
        exchange(InetAddress.getLoopbackAddress(), "agi_network: " + "x".repeat(20_000), true);

        assertNextCallIsServed();
    }

    @Test
    void clientThatStopsMidEnvironmentIsClosedAfterTheDeadline() throws IOException {
        String half = new FakeAsterisk("3331234567", "1.1").environment().lines().limit(5)
                .reduce("", (a, b) -> a + b + "\n");
        String answered = exchange(InetAddress.getLoopbackAddress(), half, false);

        assertThat(answered).doesNotContain("ANSWER");
        assertThat(server.store.tickets).isEmpty();
        assertNextCallIsServed();
    }

    @Test
    void clientThatHangsUpMidEnvironmentRunsNoScript() throws IOException {
        String half = new FakeAsterisk("3331234567", "1.1").environment().lines().limit(12)
                .reduce("", (a, b) -> a + b + "\n");
        String answered = exchange(InetAddress.getLoopbackAddress(), half, true);

        assertThat(answered).doesNotContain("ANSWER");
        assertNextCallIsServed();
    }

    @Test
    void connectionFromAnAddressNotAllowedIsClosedAtOnce() throws IOException {
        String answered = exchange(InetAddress.getByName("127.0.0.3"),
                new FakeAsterisk("3331234567", "1.1").environment(), false);

        assertThat(answered).isEmpty();
        assertThat(server.registry.get("hotline.agi.connections.refused").counter().count()).isEqualTo(1.0);
        assertThat(server.renderedLogs()).contains("127.0.0.3").doesNotContain("3331234567");
        assertNextCallIsServed();
    }

    @Test
    void scriptOtherThanRouteIsLeftToTheDialplan() throws IOException {
        String other = new FakeAsterisk("3331234567", "1.1").environment()
                .replace("agi_network_script: route", "agi_network_script: other");
        String answered = exchange(InetAddress.getLoopbackAddress(), other, false);

        assertThat(answered).doesNotContain("ANSWER").doesNotContain("HOTLINE_");
        assertNextCallIsServed();
    }

    @Test
    void twoHundredConcurrentCallsAreAllRouted() throws Exception {
        ExecutorService asterisk = Executors.newFixedThreadPool(200);
        try {
            List<Future<FakeAsterisk>> calls = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                String linkedId = "1795304500." + i;
                String callerId = "33312345" + String.format("%02d", i % 100);
                calls.add(asterisk.submit(() -> new FakeAsterisk(callerId, linkedId)
                        .then(Dial.ends("NOANSWER")).then(Dial.answeredBy("op-luca", "PJSIP/op-luca-1"))
                        .call(server.port())));
            }
            for (Future<FakeAsterisk> call : calls) {
                assertThat(call.get(60, TimeUnit.SECONDS).variables).containsEntry("HOTLINE_OUTCOME", "ANSWERED")
                        .containsEntry("HOTLINE_ANSWERED_BY", "op-luca");
            }
        } finally {
            asterisk.shutdownNow();
        }
        assertThat(server.calls("answered")).isEqualTo(200.0);
    }

    private void assertNextCallIsServed() {
        FakeAsterisk call = new FakeAsterisk("3331234567", "1795304600.1")
                .then(Dial.answeredBy("op-anna", "PJSIP/op-anna-1")).call(server.port());
        assertThat(call.variables).containsEntry("HOTLINE_OUTCOME", "ANSWERED");
    }

    /** Sends the bytes (closing the sending half when asked), then reads until the server closes. */
    private String exchange(InetAddress from, String sent, boolean closeSendingHalf) throws IOException {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(from, 0));
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), server.port()), 5000);
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            try {
                out.write(sent.getBytes(StandardCharsets.UTF_8));
                out.flush();
                if (closeSendingHalf) {
                    socket.shutdownOutput();
                }
            } catch (IOException refusedMeanwhile) {
                return "";
            }
            InputStream in = socket.getInputStream();
            StringBuilder received = new StringBuilder();
            try {
                int b;
                while ((b = in.read()) != -1) {
                    received.append((char) b);
                }
            } catch (IOException reset) {
                // a refused or dropped peer may see a reset instead of an orderly close
            }
            return received.toString();
        }
    }
}
