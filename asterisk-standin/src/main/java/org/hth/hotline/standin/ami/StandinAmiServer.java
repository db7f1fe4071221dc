package org.hth.hotline.standin.ami;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The stand-in's AMI server (Netty). Speaks Asterisk 22's manager protocol: the banner
 * {@code Asterisk Call Manager/11.0.0}, CRLF messages, {@code Login}, {@code Logoff}, {@code Ping},
 * {@code Events}, {@code Originate}, {@code Hangup}, {@code Status}, {@code CoreShowChannels}; any other
 * action is refused as Asterisk does. Call events given to {@link #broadcast} go to every logged-in client
 * with events on.
 *
 * <p>Thread-safe: sessions run on the event loops of the given group; {@link #broadcast} may be called from
 * any thread, and messages broadcast from one thread reach each client in that order.
 */
public final class StandinAmiServer implements AutoCloseable {
    private final AmiServerConfig config;
    private final EventLoopGroup group;
    private final Clock clock;
    private final Instant started;
    private final AtomicReference<AmiBackend> backend = new AtomicReference<>(AmiBackend.none());
    private final ChannelGroup connections = new DefaultChannelGroup("ami-all", GlobalEventExecutor.INSTANCE);
    private final ChannelGroup listeners = new DefaultChannelGroup("ami-events", GlobalEventExecutor.INSTANCE);
    private final List<AmiMessage> originates = new CopyOnWriteArrayList<>();
    private final AtomicReference<Channel> serverChannel = new AtomicReference<>();
    private volatile int boundPort = -1;

    /**
     * @param group event loops for the listening socket and the sessions (the caller owns and shuts it down)
     * @param clock time for {@code Ping} timestamps and security events
     */
    public StandinAmiServer(AmiServerConfig config, EventLoopGroup group, Clock clock) {
        this.config = Objects.requireNonNull(config, "config");
        this.group = Objects.requireNonNull(group, "group");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.started = clock.instant();
    }

    /** Sets who answers {@code Originate}, {@code Hangup}, {@code Status} and {@code CoreShowChannels}. */
    public void backend(AmiBackend newBackend) {
        backend.set(Objects.requireNonNull(newBackend, "backend"));
    }

    /** Binds and waits until the server listens; {@link #port()} is valid afterwards. */
    public StandinAmiServer start() {
        bind(config.port());
        return this;
    }

    private void bind(int port) {
        Channel ch = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel c) {
                        c.pipeline().addLast(new AmiMessageDecoder(config.maxLineLength()),
                                new AmiMessageEncoder(), new AmiSession(StandinAmiServer.this));
                    }
                }).bind(config.host(), port).syncUninterruptibly().channel();
        serverChannel.set(ch);
        boundPort = ((InetSocketAddress) ch.localAddress()).getPort();
    }

    /** The port the server listens on (the free port chosen when configured with 0). */
    public int port() {
        if (boundPort < 0) {
            throw new IllegalStateException("AMI server not started");
        }
        return boundPort;
    }

    /** Sends a call event to every logged-in client that has events on. Any thread. */
    public void broadcast(AmiMessage event) {
        for (Channel c : listeners) {
            if (Boolean.TRUE.equals(c.attr(AmiSession.EVENTS_ON).get())) {
                c.writeAndFlush(event);
            }
        }
    }

    /** Closes every client connection at once, as when Asterisk restarts; the server keeps listening. */
    public void dropAllConnections() {
        connections.close().syncUninterruptibly();
    }

    /**
     * Closes every client connection and stops listening for {@code duration} (clients get "connection
     * refused"), then listens again on the same port.
     */
    public void dropAndRefuse(Duration duration) {
        Channel ch = serverChannel.getAndSet(null);
        if (ch != null) {
            ch.close().syncUninterruptibly();
        }
        dropAllConnections();
        int port = boundPort;
        group.next().schedule(() -> bind(port), duration.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** Whether the server currently accepts connections. */
    public boolean listening() {
        Channel ch = serverChannel.get();
        return ch != null && ch.isActive();
    }

    /** Writes raw bytes to every logged-in client, in the middle of the stream: garbage, huge or non-UTF-8 values. */
    public void injectRaw(byte[] bytes) {
        for (Channel c : listeners) {
            c.writeAndFlush(Unpooled.copiedBuffer(bytes));
        }
    }

    /** Every {@code Originate} action received, in order. */
    public List<AmiMessage> originates() {
        return List.copyOf(originates);
    }

    /** How many clients are logged in now. */
    public int loggedInClients() {
        return listeners.size();
    }

    @Override
    public void close() {
        Channel ch = serverChannel.getAndSet(null);
        if (ch != null) {
            ch.close().syncUninterruptibly();
        }
        connections.close().syncUninterruptibly();
    }

    AmiServerConfig config() {
        return config;
    }

    AmiBackend backend() {
        return backend.get();
    }

    Instant now() {
        return clock.instant();
    }

    long uptimeSeconds() {
        return Duration.between(started, clock.instant()).toSeconds();
    }

    void connected(Channel c) {
        connections.add(c);
    }

    void loggedIn(Channel c) {
        listeners.add(c);
    }

    void recordOriginate(AmiMessage action) {
        originates.add(action);
    }
}
