package org.hth.hotline.console.events;

import java.util.HashMap;
import java.util.Map;

import io.vertx.core.Context;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.JsonObject;

import org.hth.hotline.console.session.ConsoleSession;
import org.hth.hotline.console.session.SessionRegistry;
import org.hth.hotline.core.live.LiveEvent;
import org.hth.hotline.core.live.LiveEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One subscription to {@link LiveEvents}, fanned out to the open sockets. Events arrive on the publisher's
 * thread and are handed to the console's event loop at once, so the call path never waits on a browser. Each
 * socket has a bounded write queue: a socket that cannot keep up is closed (1013) rather than slowing the
 * others; a socket whose session ended (logout, expiry) is closed (1008). Sockets are kept and written on the
 * event loop of {@code context} only; {@link #start}/{@link #stop} may be called from any thread.
 */
public final class EventHub {
    /** Bytes a socket may have waiting before it counts as too slow. */
    static final int WRITE_QUEUE_BYTES = 128 * 1024;
    private static final Logger log = LoggerFactory.getLogger(EventHub.class);

    private final Context context;
    private final LiveEvents events;
    private final SessionRegistry sessions;
    private final Map<ServerWebSocket, ConsoleSession> sockets = new HashMap<>();
    /** {@link #sockets} as an array for the events to walk, rebuilt only after a socket came or went. */
    private Subscriber[] subscribers = new Subscriber[0];
    private boolean changed;
    private volatile AutoCloseable subscription;

    public EventHub(Context context, LiveEvents events, SessionRegistry sessions) {
        this.context = context;
        this.events = events;
        this.sessions = sessions;
    }

    public void start() {
        subscription = events.subscribe(event -> context.runOnContext(v -> deliver(event)));
        sessions.onClose(id -> context.runOnContext(v -> sweep()));
    }

    public void stop() {
        AutoCloseable s = subscription;
        if (s != null) {
            try {
                s.close();
            } catch (Exception e) {
                log.warn("could not unsubscribe from live events: {}", e.toString());
            }
        }
    }

    /** Adds an upgraded socket of a session. Call on the event loop of {@code context}. */
    void add(ServerWebSocket socket, ConsoleSession session) {
        socket.setWriteQueueMaxSize(WRITE_QUEUE_BYTES);
        sockets.put(socket, session);
        changed = true;
        socket.closeHandler(v -> forget(socket));
        socket.exceptionHandler(e -> socket.close());
        socket.handler(data -> sessions.touch(session.id()));
    }

    /** Closes the sockets whose session has ended. Call on the event loop of {@code context}. */
    public void sweep() {
        for (Subscriber s : subscribers()) {
            if (!sessions.isLive(s.session().id())) {
                close(s.socket(), (short) 1008, "session ended");
            }
        }
    }

    int size() {
        return sockets.size();
    }

    /**
     * Sends one event to every socket allowed to have it. The event is encoded once; per socket there are only
     * checks on what is at hand (closed, session live, role scope, queue full) and the write: no copy of the
     * socket map, no allocation but the write's own.
     */
    private void deliver(LiveEvent event) {
        String text = toJson(event);
        for (Subscriber s : subscribers()) {
            ServerWebSocket socket = s.socket();
            if (socket.isClosed()) {
                // closed by the client, its close handler not run yet: writing to it would throw
                forget(socket);
            } else if (!sessions.isLive(s.session().id())) {
                close(socket, (short) 1008, "session ended");
            } else if (EventScope.allows(s.session(), event)) {
                if (socket.writeQueueFull()) {
                    close(socket, (short) 1013, "too slow");
                } else {
                    socket.writeTextMessage(text);
                }
            }
        }
    }

    private Subscriber[] subscribers() {
        if (changed) {
            subscribers = sockets.entrySet().stream().map(e -> new Subscriber(e.getKey(), e.getValue()))
                    .toArray(Subscriber[]::new);
            changed = false;
        }
        return subscribers;
    }

    private void forget(ServerWebSocket socket) {
        if (sockets.remove(socket) != null) {
            changed = true;
        }
    }

    private void close(ServerWebSocket socket, short code, String reason) {
        forget(socket);
        socket.close(code, reason);
    }

    /** One open socket and the session it was opened in. */
    private record Subscriber(ServerWebSocket socket, ConsoleSession session) {
    }

    static String toJson(LiveEvent event) {
        return org.hth.hotline.console.api.Responses.escapeMarkup(new JsonObject().put("type", event.type())
                .put("at", event.at().toString()).put("data", new JsonObject(new HashMap<>(event.data()))).encode());
    }
}
