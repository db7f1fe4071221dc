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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.hth.hotline.core.telephony.agi.FakeAsterisk.Dial;
import org.hth.hotline.core.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import ch.qos.logback.classic.spi.ILoggingEvent;

/**
 * What the asynchronous server adds to the route script's behaviour: calls hold no thread while they ring, store
 * calls run off the event loops, every log line of a call has its call id, a caller gone mid-Dial.
 */
class AsyncCallsIT {
    @RegisterExtension
    final RouteServerExtension server = new RouteServerExtension();

    /** A call of raw socket: the recorded environment sent, its commands read one by one. */
    private final class HeldCall implements AutoCloseable {
        final Socket socket = new Socket();
        final BufferedReader in;

        HeldCall(String linkedId) throws IOException {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), server.port()), 5000);
            socket.setSoTimeout(20_000);
            in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            send(new FakeAsterisk(RouteScriptIT.CALLER, linkedId).linkedIdAsArgument().environment());
        }

        void send(String text) throws IOException {
            socket.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().flush();
        }

        /** Answers the menu with 1 and returns the first Dial, which it leaves unanswered (ringing). */
        String untilDial() throws IOException {
            String command;
            while ((command = in.readLine()) != null && !command.startsWith("EXEC \"Dial\"")) {
                send(command.startsWith("GET DATA") ? "200 result=1\n" : "200 result=0\n");
            }
            return command;
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    @Test
    void threeHundredCallsRingingAtOnceHoldNoThreadEach() throws IOException {
        List<HeldCall> calls = new ArrayList<>();
        try {
            for (int i = 0; i < 300; i++) {
                calls.add(new HeldCall("1795305000." + i));
            }
            for (HeldCall call : calls) {
                assertThat(call.untilDial()).startsWith("EXEC \"Dial\" \"PJSIP/op-anna,20,mA(hotline/whisper-it)");
            }
            long serverThreads = Thread.getAllStackTraces().keySet().stream()
                    .filter(thread -> thread.getName().startsWith("agi-")).count();
            assertThat(serverThreads).as("event loops and store threads only")
                    .isLessThanOrEqualTo(Runtime.getRuntime().availableProcessors() + 2L);
        } finally {
            for (HeldCall call : calls) {
                call.close();
            }
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(server.calls("disconnected")).isEqualTo(300.0));
    }

    @Test
    void aCallerGoneWhileTheDialRingsIsCountedDisconnected() throws IOException {
        try (HeldCall call = new HeldCall("1795305100.1")) {
            call.untilDial();
        }

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(server.calls("disconnected")).isEqualTo(1.0));
        assertThat(server.calls("answered")).isZero();
    }

    @Test
    void storeCallsRunOnTheStoreThreadsNeverOnAnEventLoop() {
        String pseudonym = server.pseudonymiser.pseudonymOf(RouteScriptIT.CALLER).orElseThrow();
        // a repeat caller (their language read from the store) whom nobody takes (a callback ticket written)
        server.store.calls.add(Fixtures.abandonedCall("1795300000.1", Instant.parse("2026-11-20T10:00:00Z"), pseudonym));
        FakeAsterisk call = new FakeAsterisk(RouteScriptIT.CALLER, "1795305200.1").linkedIdAsArgument()
                .then(Dial.ends("BUSY")).then(Dial.ends("BUSY")).then(Dial.ends("NOANSWER")).call(server.port());

        assertThat(call.variables).containsEntry("HOTLINE_OUTCOME", "VOICEMAIL").containsKey("HOTLINE_CALLBACK_TICKET");
        assertThat(server.store.storeThreads).hasSize(2).allSatisfy(thread -> assertThat(thread).startsWith("agi-store"));
    }

    @Test
    void everyLogLineOfACallHasItsCallId() {
        new FakeAsterisk(RouteScriptIT.CALLER, "1795305300.1").then(Dial.ends("BUSY")).then(Dial.ends("BUSY"))
                .then(Dial.answeredBy("national-fallback", "PJSIP/trunk-1")).call(server.port());

        await().atMost(Duration.ofSeconds(10)).until(() -> server.calls("fallback") == 1.0);
        List<ILoggingEvent> ofTheCall = server.logs.list.stream()
                .filter(event -> event.getLoggerName().startsWith(RouteScript.class.getPackageName()))
                .filter(event -> !event.getLoggerName().equals(HotlineAgiServer.class.getName()))
                .toList();
        assertThat(ofTheCall).extracting(ILoggingEvent::getFormattedMessage)
                .contains("step 1 ended BUSY", "fallback line ended ANSWER", "route ended: FALLBACK")
                .anyMatch(message -> message.startsWith("callback ticket"));
        assertThat(ofTheCall).allSatisfy(event -> assertThat(event.getMDCPropertyMap())
                .as(event.getFormattedMessage()).containsEntry("callId", "1795305300.1"));
    }
}
