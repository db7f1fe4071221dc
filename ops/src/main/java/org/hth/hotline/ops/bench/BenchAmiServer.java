package org.hth.hotline.ops.bench;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.LineBasedFrameDecoder;
import io.netty.handler.codec.string.StringDecoder;
import io.netty.util.concurrent.GlobalEventExecutor;

/**
 * The AMI server of the {@code ami} scenario, on Netty: Asterisk 22's banner and the login exchange
 * Asterisk-Java performs ({@code Challenge}, then {@code Login} with an MD5 key; the key is not checked),
 * {@code CoreSettings}, an empty {@code CoreShowChannels}, {@code Ping}, {@code Logoff}; then whatever
 * {@link #inject} is given, to every logged-in client. The stand-in's {@code StandinAmiServer} cannot serve
 * here: it refuses {@code Challenge}, so Asterisk-Java cannot log in to it. Thread-safe.
 */
final class BenchAmiServer implements AutoCloseable {
    private final ChannelGroup loggedIn = new DefaultChannelGroup("bench-ami", GlobalEventExecutor.INSTANCE);
    private final Channel server;

    BenchAmiServer(EventLoopGroup group) {
        server = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        channel.pipeline().addLast(new LineBasedFrameDecoder(8192),
                                new StringDecoder(StandardCharsets.UTF_8), new Session());
                    }
                }).bind("127.0.0.1", 0).syncUninterruptibly().channel();
    }

    int port() {
        return ((InetSocketAddress) server.localAddress()).getPort();
    }

    int loggedInClients() {
        return loggedIn.size();
    }

    /** Writes raw AMI bytes to every logged-in client. Any thread. */
    void inject(byte[] bytes) {
        for (Channel channel : loggedIn) {
            channel.writeAndFlush(Unpooled.wrappedBuffer(bytes));
        }
    }

    @Override
    public void close() {
        server.close().syncUninterruptibly();
        loggedIn.close().syncUninterruptibly();
    }

    /** One client's actions, on its event loop. */
    private final class Session extends SimpleChannelInboundHandler<String> {
        private final Map<String, String> action = new HashMap<>();

        @Override
        public void channelActive(ChannelHandlerContext ctx) {
            write(ctx, "Asterisk Call Manager/11.0.0\r\n");
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, String line) {
            if (!line.isEmpty()) {
                int colon = line.indexOf(':');
                if (colon > 0) {
                    action.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT),
                            line.substring(colon + 1).trim());
                }
                return;
            }
            answer(ctx, action.getOrDefault("action", "").toLowerCase(Locale.ROOT), action.getOrDefault("actionid", ""));
            action.clear();
        }

        private void answer(ChannelHandlerContext ctx, String name, String id) {
            String head = "ActionID: " + id + "\r\n";
            switch (name) {
                case "challenge" -> write(ctx, "Response: Success\r\n" + head + "Challenge: 840212345\r\n\r\n");
                case "login" -> {
                    write(ctx, "Response: Success\r\n" + head + "Message: Authentication accepted\r\n\r\n");
                    loggedIn.add(ctx.channel());
                }
                case "coresettings" -> write(ctx, "Response: Success\r\n" + head + "AMIversion: 11.0.0\r\n"
                        + "AsteriskVersion: 22.10.1\r\nSystemName: \r\nCoreMaxCalls: 0\r\n\r\n");
                case "coreshowchannels" -> write(ctx, "Response: Success\r\n" + head
                        + "EventList: start\r\nMessage: Channels will follow\r\n\r\nEvent: CoreShowChannelsComplete\r\n"
                        + head + "EventList: Complete\r\nListItems: 0\r\n\r\n");
                case "ping" -> write(ctx, "Response: Success\r\n" + head + "Ping: Pong\r\nTimestamp: 1.0\r\n\r\n");
                case "logoff" -> {
                    write(ctx, "Response: Goodbye\r\n" + head + "Message: Thanks for all the fish.\r\n\r\n");
                    ctx.close();
                }
                default -> write(ctx, "Response: Error\r\n" + head + "Message: Invalid/unknown command\r\n\r\n");
            }
        }

        private void write(ChannelHandlerContext ctx, String text) {
            ctx.writeAndFlush(Unpooled.copiedBuffer(text, StandardCharsets.UTF_8));
        }
    }
}
