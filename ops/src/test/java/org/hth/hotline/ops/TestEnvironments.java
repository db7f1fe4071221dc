package org.hth.hotline.ops;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Environments and ports for running commands and servers in tests. */
public final class TestEnvironments {
    /** 32 bytes of zeros and of ones, base64: test keys, never used outside tests. */
    static final String TEST_PSEUDONYM_KEY = Base64.getEncoder().encodeToString(new byte[32]);
    static final String TEST_ENCRYPTION_KEY = Base64.getEncoder().encodeToString(filled(32, (byte) 1));

    /** Every port {@link #freePort} has handed out in this JVM: test-run bookkeeping, not server state. */
    private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

    /** The shipped sample configuration folder (tests run in the module directory). */
    public static final Path CONFIG = Path.of("..", "config").toAbsolutePath().normalize();
    /** The shipped sample roster. */
    public static final Path SAMPLE_ROSTER = CONFIG.resolve("roster.yaml");

    private TestEnvironments() {
    }

    /** The encryption key {@link #serverEnv} gives a server, to seal numbers in tests as the server does. */
    public static byte[] testEncryptionKey() {
        return Base64.getDecoder().decode(TEST_ENCRYPTION_KEY);
    }

    /**
     * A free TCP port on loopback, at the moment of asking, never one handed out before in this test run. The
     * system may give the same ephemeral port twice in a row once its socket is closed, and a server given the
     * same port for its console and its AGI server fails to start.
     */
    public static int freePort() {
        for (int attempt = 0; attempt < 50; attempt++) {
            int port = ephemeralPort();
            if (HANDED_OUT.add(port)) {
                return port;
            }
        }
        throw new IllegalStateException("the system keeps giving ports already handed out to this test run");
    }

    private static int ephemeralPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Environment variables for a server on the embedded store in {@code dataDir}, console on {@code port}. */
    public static Map<String, String> serverEnv(Path dataDir, int port) {
        Map<String, String> env = new HashMap<>();
        env.put("HOTLINE_DATA_DIR", dataDir.toString());
        env.put("HOTLINE_CONSOLE_PORT", Integer.toString(port));
        env.put("HOTLINE_CONSOLE_PUBLIC_URL", "http://localhost:" + port);
        env.put("HOTLINE_AGI_PORT", Integer.toString(freePort()));
        env.put("HOTLINE_AMI_PORT", Integer.toString(freePort()));
        env.put("HOTLINE_PSEUDONYM_KEY", TEST_PSEUDONYM_KEY);
        env.put("HOTLINE_ENCRYPTION_KEY", TEST_ENCRYPTION_KEY);
        env.put("HOTLINE_ROSTER_FILE", SAMPLE_ROSTER.toString());
        env.put("HOTLINE_REFERRALS_DESTINATIONS_FILE", CONFIG.resolve("destinations.yaml").toString());
        env.put("HOTLINE_REFERRALS_RULES_FILE", CONFIG.resolve("referral-rules.yaml").toString());
        return env;
    }

    /** A command environment with the given variables and standard input, capturing what is printed. */
    static Captured captured(Map<String, String> env, String stdin) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandEnvironment environment = new CommandEnvironment(env, new BufferedReader(new StringReader(stdin)),
                new PrintWriter(out, true), new PrintWriter(err, true), Clock.systemUTC());
        return new Captured(environment, out, err);
    }

    record Captured(CommandEnvironment environment, StringWriter out, StringWriter err) {
        int run(String... args) {
            return HotlineCommand.commandLine(environment).execute(args);
        }
    }

    private static byte[] filled(int length, byte value) {
        byte[] bytes = new byte[length];
        java.util.Arrays.fill(bytes, value);
        return bytes;
    }
}
