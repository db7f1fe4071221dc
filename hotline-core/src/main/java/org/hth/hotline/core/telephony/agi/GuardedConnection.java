package org.hth.hotline.core.telephony.agi;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.asteriskjava.util.SocketConnectionFacade;

/**
 * One FastAGI connection as Asterisk-Java reads it, guarded against clients that are not Asterisk: lines end
 * in LF (a CR before it is dropped), a line longer than 8 KiB or an environment of more than 200 lines is an
 * error, and until the blank line that ends the {@code agi_*} environment every read has a deadline. After an
 * environment that asks for {@code route} and is complete (Asterisk ends it with {@code agi_threadid}), reads
 * wait without limit: a {@code Dial}'s reply comes only when the conversation ends. After any other, the
 * deadline stays, so that a silent client cannot hold a worker while Asterisk-Java tries to tell it
 * {@code AJ_AGISTATUS=NOT_FOUND}. Used by one AGI worker at a time; not thread-safe.
 */
final class GuardedConnection implements SocketConnectionFacade {
    static final int MAX_LINE = 8192;
    static final int MAX_ENVIRONMENT_LINES = 200;

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private boolean environmentRead;
    private int environmentLines;
    private boolean asksForRoute;
    private boolean complete;

    GuardedConnection(Socket socket, Duration environmentTimeout) throws IOException {
        this.socket = socket;
        socket.setSoTimeout((int) Math.max(1, Math.min(Integer.MAX_VALUE, environmentTimeout.toMillis())));
        socket.setTcpNoDelay(true);
        this.in = new BufferedInputStream(socket.getInputStream());
        this.out = new BufferedOutputStream(socket.getOutputStream());
    }

    @Override
    public String readLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(64);
        int b;
        while ((b = in.read()) != -1 && b != '\n') {
            if (line.size() >= MAX_LINE) {
                throw new IOException("AGI line longer than " + MAX_LINE + " bytes");
            }
            line.write(b);
        }
        if (b == -1 && line.size() == 0) {
            return null;
        }
        byte[] bytes = line.toByteArray();
        int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
        String text = new String(bytes, 0, length, StandardCharsets.UTF_8);
        if (!environmentRead) {
            if (text.isEmpty()) {
                environmentRead = true;
                if (asksForRoute && complete) {
                    socket.setSoTimeout(0);
                }
            } else if (text.startsWith("agi_network_script: ")) {
                asksForRoute = text.substring("agi_network_script: ".length()).equals(RouteScript.NAME);
            } else if (text.startsWith("agi_threadid: ")) {
                complete = true;
            }
            if (!environmentRead && ++environmentLines > MAX_ENVIRONMENT_LINES) {
                throw new IOException("AGI environment longer than " + MAX_ENVIRONMENT_LINES + " lines");
            }
        }
        return text;
    }

    @Override
    public void write(String s) throws IOException {
        out.write(s.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    @Override
    public boolean isConnected() {
        return socket.isConnected() && !socket.isClosed();
    }

    @Override
    public InetAddress getLocalAddress() {
        return socket.getLocalAddress();
    }

    @Override
    public int getLocalPort() {
        return socket.getLocalPort();
    }

    @Override
    public InetAddress getRemoteAddress() {
        return socket.getInetAddress();
    }

    @Override
    public int getRemotePort() {
        return socket.getPort();
    }
}
