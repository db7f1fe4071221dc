package org.hth.hotline.standin.ami;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AmiServerIT {
    private EventLoopGroup group;
    private StandinAmiServer server;

    @BeforeEach
    void start() {
        group = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
        server = new StandinAmiServer(AmiServerConfig.loopback("hotline", "hotline-secret")
                .withBadLoginDelay(Duration.ofMillis(50)), group, Clock.systemUTC()).start();
    }

    @AfterEach
    void stop() {
        server.close();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    private Socket connect() throws IOException {
        Socket s = new Socket(InetAddress.getLoopbackAddress(), server.port());
        s.setSoTimeout(5000);
        return s;
    }

    private static void send(Socket s, String text) throws IOException {
        s.getOutputStream().write(text.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8));
    }

    private static String readAll(Socket s) throws IOException {
        return new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }

    private static String readUntil(InputStream in, String end) throws IOException {
        StringBuilder sb = new StringBuilder();
        while (!sb.toString().endsWith(end)) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            sb.append((char) b);
        }
        return sb.toString();
    }

    @Test
    void wrongSecretIsAnsweredAsTheRecordingThenClosed() throws IOException {
        String recorded;
        try (InputStream in = getClass().getResourceAsStream("/fixtures/asterisk/07-ami-only/ami-badlogin.wire")) {
            recorded = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        try (Socket s = connect()) {
            send(s, "Action: Login\nActionID: login-bad\nUsername: hotline\nSecret: wrong-secret\nEvents: on\n\n");
            assertThat(readAll(s)).isEqualTo(recorded);
        }
    }

    @Test
    void loginSendsFullyBootedPingAndUnknownActionAsAsterisk() throws IOException {
        try (Socket s = connect()) {
            InputStream in = s.getInputStream();
            assertThat(readUntil(in, "\r\n")).isEqualTo("Asterisk Call Manager/11.0.0\r\n");
            send(s, "Action: Login\nActionID: login-1\nUsername: hotline\nSecret: hotline-secret\nEvents: on\n\n");
            assertThat(readUntil(in, "\r\n\r\n"))
                    .isEqualTo("Response: Success\r\nActionID: login-1\r\nMessage: Authentication accepted\r\n\r\n");
            assertThat(readUntil(in, "\r\n\r\n")).startsWith("Event: FullyBooted\r\nPrivilege: system,all\r\nUptime: ")
                    .endsWith("Status: Fully Booted\r\n\r\n");
            assertThat(readUntil(in, "\r\n\r\n")).startsWith("Event: SuccessfulAuth\r\n");
            send(s, "Action: FooBar\nActionID: foobar-1\n\n");
            assertThat(readUntil(in, "\r\n\r\n")).isEqualTo("Response: Error\r\nActionID: foobar-1\r\nMessage: "
                    + "Invalid/unknown command: FooBar. Use Action: ListCommands to show available commands.\r\n\r\n");
            assertThat(readUntil(in, "\r\n\r\n")).startsWith("Event: RequestBadFormat\r\n");
            send(s, "Action: Ping\nActionID: ping-1\n\n");
            assertThat(readUntil(in, "\r\n\r\n")).matches("Response: Success\r\nActionID: ping-1\r\nPing: Pong\r\n"
                    + "Timestamp: \\d+\\.\\d{6}\r\n\r\n");
            send(s, "Action: Logoff\nActionID: logoff-1\n\n");
            assertThat(readAll(s)).isEqualTo("Response: Goodbye\r\nActionID: logoff-1\r\nMessage: Thanks for all the fish.\r\n\r\n");
        }
    }

    @Test
    void dropAllConnectionsClosesClientsAndRefuseStopsListeningForAWhile() throws IOException {
        try (Socket s = connect()) {
            send(s, "Action: Login\nUsername: hotline\nSecret: hotline-secret\n\n");
            await().until(() -> server.loggedInClients() == 1);
            server.injectRaw(new byte[] {'X', ':', ' ', (byte) 0xff, '\r', '\n', '\r', '\n'});
            server.dropAllConnections();
            assertThat(readAll(s)).contains("X: ");
        }
        server.dropAndRefuse(Duration.ofMillis(300));
        assertThat(server.listening()).isFalse();
        await().atMost(Duration.ofSeconds(5)).until(server::listening);
        try (Socket s = connect()) {
            assertThat(readUntil(s.getInputStream(), "\r\n")).isEqualTo("Asterisk Call Manager/11.0.0\r\n");
        }
    }

    @Test
    void md5ChallengeLoginAsAsteriskJavaDoesIsAccepted() throws Exception {
        try (Socket s = connect()) {
            InputStream in = s.getInputStream();
            readUntil(in, "\r\n");
            send(s, "Action: Challenge\nActionID: ch-1\nAuthType: MD5\n\n");
            String reply = readUntil(in, "\r\n\r\n");
            assertThat(reply).matches("Response: Success\r\nActionID: ch-1\r\nChallenge: \\d+\r\n\r\n");
            String challenge = reply.replaceAll("(?s).*Challenge: (\\d+).*", "$1");
            String key = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("MD5")
                    .digest((challenge + "hotline-secret").getBytes(StandardCharsets.UTF_8)));
            send(s, "Action: Login\nActionID: login-md5\nUsername: hotline\nAuthType: MD5\nKey: " + key + "\n\n");
            assertThat(readUntil(in, "\r\n\r\n"))
                    .isEqualTo("Response: Success\r\nActionID: login-md5\r\nMessage: Authentication accepted\r\n\r\n");
        }
    }

    @Test
    void challengeWithoutAuthTypeIsAnError() throws IOException {
        try (Socket s = connect()) {
            InputStream in = s.getInputStream();
            readUntil(in, "\r\n");
            send(s, "Action: Challenge\nActionID: ch-2\n\n");
            assertThat(readUntil(in, "\r\n\r\n"))
                    .isEqualTo("Response: Error\r\nActionID: ch-2\r\nMessage: Must specify AuthType\r\n\r\n");
        }
    }
}
