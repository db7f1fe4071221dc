package org.hth.hotline.core.telephony.agi;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.socket.SocketChannel;

/**
 * Admits each accepted FastAGI connection, before a byte of it is read: a peer whose address is not in the
 * allow-list is closed (counted in {@code hotline_agi_connections_refused_total}, logged with its address
 * only), and so is a connection beyond {@code maxCalls} open at once (Asterisk's {@code AGISTATUS=FAILURE}
 * then sends the call to the dialplan's fallback). An admitted one gets the line decoder and its
 * {@link AgiConnectionHandler}. Thread-safe (shared by the event loops).
 */
final class AgiChannelInitializer extends ChannelInitializer<SocketChannel> {
    private static final Logger log = LoggerFactory.getLogger(AgiChannelInitializer.class);

    private final ClientAllowList allowList;
    private final int maxCalls;
    private final RouteScript route;
    private final RouteMetrics metrics;
    private final Duration environmentTimeout;
    private final Executor blocking;
    private final AtomicInteger open = new AtomicInteger();
    private final AtomicReference<Runnable> afterLastCall = new AtomicReference<>();

    AgiChannelInitializer(AgiServerConfig config, RouteScript route, RouteMetrics metrics, Executor blocking) {
        this.allowList = ClientAllowList.parse(config.allowedClients());
        this.maxCalls = config.maxCalls();
        this.route = route;
        this.metrics = metrics;
        this.environmentTimeout = config.environmentTimeout();
        this.blocking = blocking;
    }

    /** Connections admitted and not closed yet. */
    int openConnections() {
        return open.get();
    }

    /**
     * Runs the action once no connection is open any more: at once when none is, else when the last one closes.
     * For after the listening socket closed (no connection is admitted any more); once.
     */
    void afterLastCall(Runnable action) {
        afterLastCall.set(action);
        if (open.get() == 0) {
            runAfterLastCall();
        }
    }

    private void runAfterLastCall() {
        Runnable action = afterLastCall.getAndSet(null);
        if (action != null) {
            action.run();
        }
    }

    @Override
    protected void initChannel(SocketChannel channel) {
        InetSocketAddress peer = channel.remoteAddress();
        if (peer == null || peer.getAddress() == null || !allowList.allows(peer.getAddress())) {
            metrics.refusedConnection();
            log.warn("FastAGI connection from {} refused: address not in agi.allowedClients",
                    peer == null || peer.getAddress() == null ? "?" : peer.getAddress().getHostAddress());
            channel.close();
            return;
        }
        if (open.incrementAndGet() > maxCalls) {
            open.decrementAndGet();
            log.warn("FastAGI connection closed: agi.maxCalls ({}) calls are being routed; Asterisk falls back",
                    maxCalls);
            channel.close();
            return;
        }
        channel.closeFuture().addListener(closed -> {
            if (open.decrementAndGet() == 0 && afterLastCall.get() != null) {
                runAfterLastCall();
            }
        });
        channel.pipeline().addLast(new AgiLineDecoder(), new AgiConnectionHandler(route, environmentTimeout, blocking));
    }
}
