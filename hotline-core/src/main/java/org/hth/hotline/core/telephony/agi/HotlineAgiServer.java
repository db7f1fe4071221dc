package org.hth.hotline.core.telephony.agi;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;

/**
 * The FastAGI server, on Netty: one event loop per core accepts the connections and runs every call as an
 * asynchronous script on its connection's loop ({@link RouteScript}): no thread waits while a menu plays, a
 * {@code Dial} rings or a conversation lasts, so 1,000 calls at once cost 1,000 sockets and a few threads. The
 * script's store calls run on {@link AgiServerConfig#storeThreads()} threads of their own, never on a loop. The
 * client allow-list and {@link AgiServerConfig#maxCalls()} are applied before a byte is read
 * ({@link AgiChannelInitializer}), the environment deadline by each connection ({@link AgiConnectionHandler}).
 *
 * <p>{@link #start()} returns once the socket listens (bind errors are thrown there). {@link #stop()} stops
 * accepting; calls in progress go on to their end, and the threads stop after the last one. {@link #start()}
 * and {@link #stop()} are for one owner thread; {@link #port()} is thread-safe.
 */
public final class HotlineAgiServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(HotlineAgiServer.class);
    private static final int BACKLOG = 200;

    private final AgiServerConfig config;
    private final RouteScript route;
    private final RouteMetrics metrics;
    private volatile Channel listening;
    private EventLoopGroup loops;
    private ThreadPoolExecutor storeThreads;
    private AgiChannelInitializer initializer;

    public HotlineAgiServer(AgiServerConfig config, RouteScript route, RouteMetrics metrics) {
        this.config = config;
        this.route = route;
        this.metrics = metrics;
    }

    /** Binds and starts accepting. */
    public void start() {
        if (loops != null) {
            throw new IllegalStateException("the AGI server is already started");
        }
        storeThreads = new ThreadPoolExecutor(config.storeThreads(), config.storeThreads(), 60, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(config.maxCalls()), new DefaultThreadFactory("agi-store", true));
        loops = new MultiThreadIoEventLoopGroup(Math.max(1, Runtime.getRuntime().availableProcessors()),
                new DefaultThreadFactory("agi-loop", true), NioIoHandler.newFactory());
        initializer = new AgiChannelInitializer(config, route, metrics, storeThreads);
        ServerBootstrap bootstrap = new ServerBootstrap().group(loops).channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, BACKLOG).option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.TCP_NODELAY, true).childHandler(initializer);
        ChannelFuture bound;
        try {
            bound = bootstrap.bind(new InetSocketAddress(InetAddress.getByName(config.bindAddress()), config.port()))
                    .awaitUninterruptibly();
        } catch (IOException e) {
            shutDown();
            throw new UncheckedIOException("cannot listen for FastAGI on " + config.bindAddress() + ":"
                    + config.port(), e);
        }
        if (!bound.isSuccess()) {
            shutDown();
            Throwable cause = bound.cause();
            throw new UncheckedIOException("cannot listen for FastAGI on " + config.bindAddress() + ":" + config.port(),
                    cause instanceof IOException io ? io : new IOException(cause));
        }
        listening = bound.channel();
        log.info("FastAGI server listening on {}:{}", config.bindAddress(), port());
    }

    /** The port listened on (the real one when configured as 0). */
    public int port() {
        Channel channel = listening;
        if (channel == null) {
            throw new IllegalStateException("the AGI server is not started");
        }
        return ((InetSocketAddress) channel.localAddress()).getPort();
    }

    /** Stops accepting; calls in progress finish, then the server's threads stop. */
    public void stop() {
        if (loops == null) {
            return;
        }
        Channel channel = listening;
        if (channel != null) {
            channel.close().awaitUninterruptibly();
        }
        EventLoopGroup group = loops;
        ThreadPoolExecutor store = storeThreads;
        AgiChannelInitializer admitted = initializer;
        loops = null;
        int going = admitted.openConnections();
        if (going > 0) {
            log.info("FastAGI server stopped accepting; {} call(s) go on to their end", going);
        }
        admitted.afterLastCall(() -> shutDown(group, store));
        if (group.isShuttingDown()) {
            // no call was going on: the threads are gone when stop() returns
            group.terminationFuture().awaitUninterruptibly(10, TimeUnit.SECONDS);
        }
    }

    @Override
    public void close() {
        stop();
    }

    private void shutDown() {
        shutDown(loops, storeThreads);
        loops = null;
    }

    private static void shutDown(EventLoopGroup group, ThreadPoolExecutor store) {
        group.shutdownGracefully(0, 5, TimeUnit.SECONDS);
        store.shutdown();
    }
}
