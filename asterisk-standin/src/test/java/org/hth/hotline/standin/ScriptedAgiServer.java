package org.hth.hotline.standin;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A FastAGI "route script" for tests, on plain Java sockets: for every connection it reads the environment,
 * sends its commands one after the other (each after the reply to the one before), then shuts down its
 * sending side and reads until the stand-in closes, recording every byte received.
 */
final class ScriptedAgiServer implements AutoCloseable {
    private final ServerSocket server;
    private final List<String> commands;
    private final List<Session> sessions = new CopyOnWriteArrayList<>();

    ScriptedAgiServer(List<String> commands) throws IOException {
        this.server = new ServerSocket(0, 512, InetAddress.getLoopbackAddress());
        this.commands = List.copyOf(commands);
        Thread t = new Thread(this::acceptLoop, "scripted-agi");
        t.setDaemon(true);
        t.start();
    }

    int port() {
        return server.getLocalPort();
    }

    List<Session> sessions() {
        return List.copyOf(sessions);
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                Session session = new Session();
                sessions.add(session);
                Thread t = new Thread(() -> session.run(s, commands), "scripted-agi-call");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }

    /** One connection: every byte received, the environment, the reply to each command. */
    static final class Session {
        final List<String> replies = new CopyOnWriteArrayList<>();
        /** Every line received after the environment, HANGUP lines included. */
        final List<String> lines = new CopyOnWriteArrayList<>();
        volatile String environment = "";
        volatile boolean closedByPeer;

        void run(Socket socket, List<String> commands) {
            try (socket) {
                InputStream in = socket.getInputStream();
                OutputStream out = socket.getOutputStream();
                StringBuilder env = new StringBuilder();
                String line;
                while (!(line = readLine(in)).isEmpty()) {
                    env.append(line).append('\n');
                }
                environment = env.append('\n').toString();
                for (String command : commands) {
                    out.write((command + "\n").getBytes(StandardCharsets.UTF_8));
                    out.flush();
                    replies.add(readReply(in));
                }
                socket.shutdownOutput();
                String rest;
                while (!(rest = readLine(in)).isEmpty()) {
                    lines.add(rest);
                }
                closedByPeer = true;
            } catch (IOException e) {
                closedByPeer = true;
            }
        }

        private String readReply(InputStream in) throws IOException {
            String line = readLine(in);
            lines.add(line);
            while (line.equals("HANGUP")) {
                line = readLine(in);
                lines.add(line);
            }
            if (!line.startsWith("520-")) {
                return line + "\n";
            }
            StringBuilder sb = new StringBuilder(line).append('\n');
            do {
                line = readLine(in);
                sb.append(line).append('\n');
            } while (!line.startsWith("520 "));
            return sb.toString();
        }

        private String readLine(InputStream in) throws IOException {
            List<Byte> bytes = new ArrayList<>();
            int b;
            while ((b = in.read()) >= 0 && b != '\n') {
                bytes.add((byte) b);
            }
            byte[] arr = new byte[bytes.size()];
            for (int i = 0; i < arr.length; i++) {
                arr[i] = bytes.get(i);
            }
            return new String(arr, StandardCharsets.UTF_8);
        }
    }
}
