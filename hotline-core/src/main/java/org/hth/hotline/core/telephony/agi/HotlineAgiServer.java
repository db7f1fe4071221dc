package org.hth.hotline.core.telephony.agi;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.atomic.AtomicReference;

import org.asteriskjava.fastagi.DefaultAgiServer;
import org.asteriskjava.util.ServerSocketFacade;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The FastAGI server: Asterisk-Java's {@link DefaultAgiServer} (its accept loop, its worker pool, its AGI
 * reader and writer) on a listening socket of ours that applies the client allow-list and the environment
 * deadline, serving only {@link RouteScript}. The pool is a {@code ThreadPoolExecutor} with a hand-off queue:
 * {@link AgiServerConfig#corePoolSize()} threads kept, up to {@link AgiServerConfig#maxPoolSize()} calls at
 * once; a connection beyond that is closed and Asterisk falls back in the dialplan.
 *
 * <p>{@link #start()} returns once the socket listens (bind errors are thrown there); the accept loop runs on
 * its own daemon thread, each call on a pool thread. {@link #start()} and {@link #stop()} are for one owner
 * thread; {@link #port()} is thread-safe.
 */
public final class HotlineAgiServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(HotlineAgiServer.class);

    private final AgiServerConfig config;
    private final RouteScript route;
    private final RouteMetrics metrics;
    private final AtomicReference<AllowListServerSocket> socket = new AtomicReference<>();
    private DefaultAgiServer server;

    public HotlineAgiServer(AgiServerConfig config, RouteScript route, RouteMetrics metrics) {
        this.config = config;
        this.route = route;
        this.metrics = metrics;
    }

    /** Binds and starts accepting. */
    public void start() {
        if (server != null) {
            throw new IllegalStateException("the AGI server is already started");
        }
        AllowListServerSocket listening;
        try {
            listening = new AllowListServerSocket(config, metrics);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen for FastAGI on " + config.bindAddress() + ":" + config.port(), e);
        }
        socket.set(listening);
        DefaultAgiServer agiServer = new DefaultAgiServer(new RouteMappingStrategy(route)) {
            @Override
            protected ServerSocketFacade createServerSocket() {
                return listening;
            }
        };
        agiServer.setPort(listening.localPort()); // only for Asterisk-Java's own "Listening on" line
        agiServer.setPoolSize(config.corePoolSize());
        agiServer.setMaximumPoolSize(config.maxPoolSize());
        server = agiServer;
        Thread accept = new Thread(() -> {
            try {
                agiServer.startup();
            } catch (IOException e) {
                log.error("FastAGI accept loop stopped ({})", e.getClass().getSimpleName());
            }
        }, "agi-accept");
        accept.setDaemon(true);
        accept.start();
        log.info("FastAGI server listening on {}:{}", config.bindAddress(), listening.localPort());
    }

    /** The port listened on (the real one when configured as 0). */
    public int port() {
        AllowListServerSocket listening = socket.get();
        if (listening == null) {
            throw new IllegalStateException("the AGI server is not started");
        }
        return listening.localPort();
    }

    /** Stops accepting; calls in progress finish on their worker threads. */
    public void stop() {
        if (server != null) {
            server.shutdown();
            server = null;
        }
    }

    @Override
    public void close() {
        stop();
    }
}
