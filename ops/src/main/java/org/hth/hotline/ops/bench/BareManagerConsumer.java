package org.hth.hotline.ops.bench;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.asteriskjava.manager.DefaultManagerConnection;
import org.asteriskjava.manager.ManagerConnection;

/**
 * The baseline of {@code ami}: Asterisk-Java's {@link ManagerConnection}, set up as the hotline sets up its own,
 * with one listener that does nothing but count; a call is done when its last event has been delivered.
 */
final class BareManagerConsumer implements AmiConsumer {
    private final AtomicReference<StreamCompletion> completion = new AtomicReference<>();
    private final AtomicLong events = new AtomicLong();
    private volatile int eventsPerCall = Integer.MAX_VALUE;
    private ManagerConnection connection;

    @Override
    public void connect(int port) throws Exception {
        DefaultManagerConnection manager = new DefaultManagerConnection("127.0.0.1", port, TrackerConsumer.USER,
                TrackerConsumer.SECRET);
        manager.setSocketTimeout(5_000);
        manager.setDefaultResponseTimeout(5_000);
        manager.setDefaultEventTimeout(5_000);
        manager.setKeepAliveAfterAuthenticationFailure(false);
        manager.setEncoding(StandardCharsets.UTF_8);
        manager.addEventListener(event -> {
            StreamCompletion current = completion.get();
            if (current != null && events.incrementAndGet() % eventsPerCall == 0) {
                current.callDone();
            }
        });
        manager.login();
        connection = manager;
    }

    @Override
    public void expect(StreamCompletion next, int perCall) {
        events.set(0);
        eventsPerCall = perCall;
        completion.set(next);
    }

    @Override
    public void close() {
        if (connection != null) {
            connection.logoff();
        }
    }
}
