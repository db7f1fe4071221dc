package org.hth.hotline.ops.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.hth.hotline.core.config.ConfigLoader;
import org.hth.hotline.ops.serve.RunningServer;
import org.hth.hotline.ops.serve.ServerAssembly;

/**
 * The real server, started in this process exactly as {@code hotline serve} starts it (the server assembly),
 * on loopback: its SQLite store in the bench's scratch directory, the sample roster, fresh random keys, no AMI
 * (the {@code route} figure is FastAGI only). {@link #MAX_CALLS} concurrent calls are allowed, for the baseline
 * too. Owned by one scenario; close it to stop.
 */
final class HotlineUnderTest implements AutoCloseable {
    /** agi.maxCalls of the bench: room above the 1,000 concurrent calls of {@code route}. */
    static final int MAX_CALLS = 1_200;
    /** Worker threads the baseline's Asterisk-Java server keeps ready (as the hotline did before its Netty server). */
    static final int READY_WORKERS = 50;

    private final RunningServer server;

    private HotlineUnderTest(RunningServer server) {
        this.server = server;
    }

    static HotlineUnderTest start(Path workDir) throws IOException {
        Path dir = Files.createDirectories(workDir.resolve("server-" + System.nanoTime()));
        Path roster = dir.resolve("roster.yaml");
        try (InputStream in = HotlineUnderTest.class.getResourceAsStream("bench-roster.yaml")) {
            if (in == null) {
                throw new IllegalStateException("bench-roster.yaml is missing from the jar");
            }
            Files.copy(in, roster);
        }
        Map<String, String> env = new HashMap<>();
        env.put("HOTLINE_DATA_DIR", dir.resolve("data").toString());
        int[] ports = freePorts(2);
        int consolePort = ports[0];
        env.put("HOTLINE_CONSOLE_PORT", Integer.toString(consolePort));
        env.put("HOTLINE_CONSOLE_PUBLIC_URL", "http://127.0.0.1:" + consolePort);
        env.put("HOTLINE_AGI_PORT", Integer.toString(ports[1]));
        env.put("HOTLINE_AGI_MAX_CALLS", Integer.toString(MAX_CALLS));
        env.put("HOTLINE_AMI_ENABLED", "false");
        env.put("HOTLINE_ROSTER_FILE", roster.toString());
        env.put("HOTLINE_PSEUDONYM_KEY", randomKey());
        env.put("HOTLINE_ENCRYPTION_KEY", randomKey());
        return new HotlineUnderTest(ServerAssembly.start(ConfigLoader.load(Optional.empty(), env), Clock.systemUTC()));
    }

    int agiPort() {
        return server.agiPort();
    }

    int consolePort() {
        return server.consolePort();
    }

    /** The running server itself: its store and its live events. */
    RunningServer server() {
        return server;
    }

    @Override
    public void close() {
        server.close();
    }

    /** A free TCP port on loopback, at the moment of asking. */
    static int freePort() {
        return freePorts(1)[0];
    }

    /** {@code count} distinct free ports on loopback: their sockets are all open before any is closed. */
    static int[] freePorts(int count) {
        ServerSocket[] sockets = new ServerSocket[count];
        try {
            int[] ports = new int[count];
            for (int i = 0; i < count; i++) {
                sockets[i] = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                ports[i] = sockets[i].getLocalPort();
            }
            return ports;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            for (ServerSocket socket : sockets) {
                closeQuietly(socket);
            }
        }
    }

    private static void closeQuietly(ServerSocket socket) {
        if (socket == null) {
            return;
        }
        try {
            socket.close();
        } catch (IOException e) {
            // the port was only being held; nothing listens on it
        }
    }

    /** 32 random bytes in base64, as the server's keys are given. */
    static String randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }
}
