package org.hth.hotline.core.telephony.agi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.hth.hotline.core.telephony.agi.FakeAsterisk.Dial;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code agi.maxCalls}: a call beyond it is closed at once (Asterisk falls back), and the room comes back. */
class MaxCallsIT {
    @RegisterExtension
    final RouteServerExtension server = new RouteServerExtension().maxCalls(1);

    private Socket connect() throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), server.port()), 5000);
        socket.setSoTimeout(10_000);
        return socket;
    }

    @Test
    void aCallBeyondMaxCallsIsClosedAtOnceAndTheNextOneIsServedOnceRoomIsBack() throws IOException {
        try (Socket ringing = connect()) {
            ringing.getOutputStream().write(new FakeAsterisk(RouteScriptIT.CALLER, "1795305400.1").linkedIdAsArgument()
                    .environment().getBytes(StandardCharsets.UTF_8));
            BufferedReader in = new BufferedReader(new InputStreamReader(ringing.getInputStream(), StandardCharsets.UTF_8));
            assertThat(in.readLine()).as("the first call is served").startsWith("GET DATA");

            try (Socket beyond = connect()) {
                assertThat(beyond.getInputStream().read()).as("closed without a byte").isEqualTo(-1);
            }
        }

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(new FakeAsterisk(RouteScriptIT.CALLER,
                "1795305400.2").then(Dial.answeredBy("op-anna", "PJSIP/op-anna-1")).call(server.port()).variables)
                .containsEntry("HOTLINE_OUTCOME", "ANSWERED"));
    }
}
