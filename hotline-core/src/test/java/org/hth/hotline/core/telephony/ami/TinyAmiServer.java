package org.hth.hotline.core.telephony.ami;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A tiny AMI server for one test: the banner, the login exchange Asterisk-Java performs (Challenge, Login,
 * CoreSettings), CoreShowChannels with no channel, Ping; after the first login's CoreShowChannels it writes the
 * given recorded bytes. {@link #dropClient()} closes the client's socket and stops listening;
 * {@link #listenAgain()} listens on the same port again.
 */
final class TinyAmiServer implements AutoCloseable {
    private final byte[] firstSessionEvents;
    private final int port;
    private volatile ServerSocket server;
    private volatile Socket client;
    private volatile boolean eventsSent;

    TinyAmiServer(byte[] firstSessionEvents) throws IOException {
        this.firstSessionEvents = firstSessionEvents;
        this.server = bind(0);
        this.port = server.getLocalPort();
        accept(server);
    }

    int port() {
        return port;
    }

    private static ServerSocket bind(int port) throws IOException {
        ServerSocket socket = new ServerSocket();
        socket.setReuseAddress(true);
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        return socket;
    }

    private void accept(ServerSocket listening) {
        Thread thread = new Thread(() -> {
            while (!listening.isClosed()) {
                try {
                    Socket accepted = listening.accept();
                    client = accepted;
                    serve(accepted);
                } catch (IOException e) {
                    // closed by the test
                }
            }
        }, "tiny-ami-server");
        thread.setDaemon(true);
        thread.start();
    }

    private void serve(Socket socket) throws IOException {
        OutputStream out = socket.getOutputStream();
        BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
        write(out, "Asterisk Call Manager/11.0.0\r\n");
        Map<String, String> action = new LinkedHashMap<>();
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            if (!line.isEmpty()) {
                int colon = line.indexOf(':');
                if (colon > 0) {
                    action.put(line.substring(0, colon).trim().toLowerCase(), line.substring(colon + 1).trim());
                }
                continue;
            }
            answer(out, action);
            action.clear();
        }
        socket.close();
    }

    private void answer(OutputStream out, Map<String, String> action) throws IOException {
        String id = action.getOrDefault("actionid", "");
        switch (action.getOrDefault("action", "").toLowerCase()) {
            case "challenge" -> write(out, "Response: Success\r\nActionID: " + id + "\r\nChallenge: 840212345\r\n\r\n");
            // the reply recorded from Asterisk 22 (07-ami-only), with this login's ActionID
            case "login" -> write(out, "Response: Success\r\nActionID: " + id
                    + "\r\nMessage: Authentication accepted\r\n\r\n");
            case "coresettings" -> write(out, "Response: Success\r\nActionID: " + id + "\r\nAMIversion: 11.0.0\r\n"
                    + "AsteriskVersion: 22.10.1\r\nSystemName: \r\nCoreMaxCalls: 0\r\nCoreMaxLoadAvg: 0.000000\r\n"
                    + "CoreRunUser: \r\nCoreRunGroup: \r\nCoreMaxFilehandles: 0\r\nCoreRealTimeEnabled: No\r\n"
                    + "CoreCDRenabled: Yes\r\nCoreHTTPenabled: No\r\n\r\n");
            case "coreshowchannels" -> {
                write(out, "Response: Success\r\nActionID: " + id
                        + "\r\nEventList: start\r\nMessage: Channels will follow\r\n\r\n");
                write(out, "Event: CoreShowChannelsComplete\r\nActionID: " + id
                        + "\r\nEventList: Complete\r\nListItems: 0\r\n\r\n");
                if (!eventsSent) {
                    eventsSent = true;
                    out.write(firstSessionEvents);
                    out.flush();
                }
            }
            case "ping" -> write(out, "Response: Success\r\nActionID: " + id + "\r\nPing: Pong\r\nTimestamp: 1.0\r\n\r\n");
            case "logoff" -> write(out, "Response: Goodbye\r\nActionID: " + id
                    + "\r\nMessage: Thanks for all the fish.\r\n\r\n");
            default -> write(out, "Response: Error\r\nActionID: " + id + "\r\nMessage: Invalid/unknown command\r\n\r\n");
        }
    }

    private static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    void dropClient() throws IOException {
        server.close();
        Socket current = client;
        if (current != null) {
            current.close();
        }
    }

    void listenAgain() throws IOException {
        server = bind(port);
        accept(server);
    }

    @Override
    public void close() throws IOException {
        dropClient();
    }
}
