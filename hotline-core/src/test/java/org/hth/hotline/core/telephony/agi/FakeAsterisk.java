package org.hth.hotline.core.telephony.agi;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Plays Asterisk on one FastAGI connection: sends the recorded {@code agi_*} environment of call 01 (with the
 * caller ID and uniqueid of the test, and, when asked, the linkedid as {@code agi_arg_1} as the shipped dialplan
 * passes it), then answers each command as Asterisk 22 does in the recordings; {@code EXEC MSet} sets its pairs
 * as Asterisk's {@code MSet} does; an {@code EXEC Dial} with {@code B(hotline-vars^s^1(a^b^c^d))} first sets
 * what the shipped {@code [hotline-vars]} sets from those arguments, in its order (the stand-in runs the real
 * context: {@code CallRoutingIT}).
 * {@code EXEC Dial} takes its reply from the queue of {@link Dial}s; {@code GET VARIABLE DIALSTATUS} and
 * {@code DIALEDPEER*} answer for the last one. Not thread-safe: one per call.
 */
final class FakeAsterisk {
    /** What one {@code Dial} does: its reply, the status, and which peer answered. */
    record Dial(int result, String status, String peerNumber, String peerName) {
        static Dial answeredBy(String peerNumber, String peerName) {
            return new Dial(0, "ANSWER", peerNumber, peerName);
        }

        static Dial ends(String status) {
            return new Dial(0, status, null, null);
        }

        static Dial callerHangsUp() {
            return new Dial(-1, "CANCEL", null, null);
        }
    }

    static final String ENVIRONMENT = "/fixtures/asterisk/01-answered/agi-env.txt";

    final List<String> commands = new ArrayList<>();
    final Map<String, String> variables = new LinkedHashMap<>();
    /** Every variable set, {@code NAME=value}, in order, by SET VARIABLE or MSet. */
    final List<String> assignments = new ArrayList<>();
    private final Deque<Dial> dials = new ArrayDeque<>();
    private final String callerId;
    private final String linkedId;
    private String menuReply = "200 result=2";
    private boolean linkedIdArgument;
    private boolean withoutMSet;
    private Dial last = Dial.ends("");

    FakeAsterisk(String callerId, String linkedId) {
        this.callerId = callerId;
        this.linkedId = linkedId;
    }

    FakeAsterisk menuReply(String reply) {
        this.menuReply = reply;
        return this;
    }

    /** Sends the linkedid as {@code agi_arg_1}, as {@code AGI(agi://…/route,${CHANNEL(linkedid)})} does. */
    FakeAsterisk linkedIdAsArgument() {
        this.linkedIdArgument = true;
        return this;
    }

    /** Plays an Asterisk without the MSet application: {@code EXEC MSet} answers -2 and sets nothing. */
    FakeAsterisk withoutMSet() {
        this.withoutMSet = true;
        return this;
    }

    FakeAsterisk then(Dial dial) {
        dials.add(dial);
        return this;
    }

    /** The recorded environment, with this call's caller ID and uniqueid; LF line ends, blank line last. */
    String environment() {
        try (InputStream in = FakeAsterisk.class.getResourceAsStream(ENVIRONMENT)) {
            String recorded = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            String environment = recorded.replace("agi_callerid: 3331234567\n", "agi_callerid: " + callerId + "\n")
                    .replace("agi_uniqueid: 1795304357.53\n", "agi_uniqueid: " + linkedId + "\n");
            return linkedIdArgument
                    ? environment.substring(0, environment.length() - 1) + "agi_arg_1: " + linkedId + "\n\n"
                    : environment;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Connects, plays the whole call, and returns when the script closes the connection. */
    FakeAsterisk call(int port) {
        return call(port, InetAddress.getLoopbackAddress());
    }

    FakeAsterisk call(int port, InetAddress from) {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(from, 0));
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5000);
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            send(out, environment());
            String line;
            while ((line = in.readLine()) != null) {
                String command = line.replace("\"", "");
                commands.add(command);
                send(out, reply(command));
            }
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String reply(String command) {
        if (command.startsWith("SET VARIABLE ")) {
            String[] parts = command.substring("SET VARIABLE ".length()).split(" ", 2);
            set(parts[0], parts.length > 1 ? parts[1] : "");
            return "200 result=1\n";
        }
        if (command.startsWith("EXEC MSet ") && withoutMSet) {
            return "200 result=-2\n";
        }
        if (command.startsWith("EXEC MSet ")) {
            for (String pair : command.substring("EXEC MSet ".length()).split(",")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    set(pair.substring(0, eq), pair.substring(eq + 1));
                }
            }
            return "200 result=0\n";
        }
        if (command.equals("ANSWER")) {
            return "200 result=0\n";
        }
        if (command.startsWith("GET DATA ")) {
            return menuReply + "\n";
        }
        if (command.startsWith("EXEC Dial ")) {
            beforeDial(command);
            last = dials.isEmpty() ? Dial.ends("NOANSWER") : dials.poll();
            // as recorded in call 01: the reply first, then HANGUP when the caller is gone
            return "200 result=" + last.result() + "\n" + (last.result() == -1 ? "HANGUP\n" : "");
        }
        if (command.startsWith("EXEC VoiceMail ")) {
            return "200 result=0\n";
        }
        if (command.startsWith("GET VARIABLE ")) {
            return variable(command.substring("GET VARIABLE ".length()));
        }
        return "510 Invalid or unknown command\n";
    }

    /** The shipped {@code [hotline-vars]}: {@code MSet(HOTLINE_CALL_ID=${ARG1},...,HOTLINE_STEP=${ARG4})}. */
    private void beforeDial(String command) {
        String prefix = "B(" + DialArguments.VARIABLES_CONTEXT + "^s^1(";
        int start = command.indexOf(prefix);
        if (start < 0) {
            return;
        }
        String[] arguments = command.substring(start + prefix.length(), command.indexOf(')', start)).split("\\^", -1);
        List<String> names = List.of("HOTLINE_CALL_ID", "HOTLINE_CALLER", "HOTLINE_LANG", "HOTLINE_STEP");
        for (int i = 0; i < names.size(); i++) {
            set(names.get(i), i < arguments.length ? arguments[i] : "");
        }
    }

    private String variable(String name) {
        String value = switch (name) {
            case "CHANNEL(linkedid)" -> linkedId;
            case "DIALSTATUS" -> last.status();
            case "DIALEDPEERNUMBER" -> last.peerNumber();
            case "DIALEDPEERNAME" -> last.peerName();
            default -> variables.get(name);
        };
        return value == null || value.isEmpty() ? "200 result=0\n" : "200 result=1 (" + value + ")\n";
    }

    private void set(String name, String value) {
        variables.put(name, value);
        assignments.add(name + "=" + value);
    }

    /** The values given to one variable, in order. */
    List<String> valuesOf(String name) {
        return assignments.stream().filter(a -> a.startsWith(name + "=")).map(a -> a.substring(name.length() + 1))
                .toList();
    }

    /** The commands before the first {@code EXEC Dial}. */
    List<String> commandsBeforeDial() {
        List<String> before = new ArrayList<>();
        for (String command : commands) {
            if (command.startsWith("EXEC Dial")) {
                break;
            }
            before.add(command);
        }
        return before;
    }

    /** The commands that start with this, in order. */
    List<String> commandsStartingWith(String prefix) {
        return commands.stream().filter(c -> c.startsWith(prefix)).toList();
    }

    private static void send(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }
}
