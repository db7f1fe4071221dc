package org.hth.hotline.standin.ami;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.util.AttributeKey;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One AMI client connection: banner, login, actions. Confined to the connection's event loop; one instance
 * per connection.
 */
final class AmiSession extends SimpleChannelInboundHandler<AmiMessage> {
    static final AttributeKey<Boolean> EVENTS_ON = AttributeKey.valueOf("standin.ami.events");
    static final String BANNER = "Asterisk Call Manager/11.0.0\r\n";
    private static final Logger LOG = LoggerFactory.getLogger(AmiSession.class);

    private final StandinAmiServer server;
    private boolean loggedIn;
    private String challenge = "";
    private AmiReplies.SessionInfo info;

    AmiSession(StandinAmiServer server) {
        this.server = server;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        info = new AmiReplies.SessionInfo(server.config().username(),
                "0x" + Integer.toHexString(System.identityHashCode(this)),
                (InetSocketAddress) ctx.channel().localAddress(), (InetSocketAddress) ctx.channel().remoteAddress(),
                server.now());
        ctx.channel().attr(EVENTS_ON).set(Boolean.FALSE);
        server.connected(ctx.channel());
        ctx.writeAndFlush(Unpooled.copiedBuffer(BANNER, StandardCharsets.UTF_8));
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, AmiMessage msg) {
        String action = msg.action().orElse("");
        String lower = action.toLowerCase(Locale.ROOT);
        if (!loggedIn && !lower.equals("login") && !lower.equals("challenge")) {
            ctx.writeAndFlush(AmiReplies.error(msg, "Permission denied"));
            return;
        }
        switch (lower) {
            case "challenge" -> challenge(ctx, msg);
            case "login" -> login(ctx, msg);
            case "logoff" -> ctx.writeAndFlush(AmiReplies.goodbye(msg)).addListener(ChannelFutureListener.CLOSE);
            case "ping" -> ctx.writeAndFlush(AmiReplies.pong(msg, server.now()));
            case "events" -> events(ctx, msg);
            case "originate" -> originate(ctx, msg);
            case "hangup" -> hangup(ctx, msg);
            case "status" -> status(ctx, msg);
            case "coreshowchannels" -> coreShowChannels(ctx, msg);
            default -> {
                ctx.write(AmiReplies.unknownAction(msg, action));
                ctx.writeAndFlush(AmiReplies.requestBadFormat(info, server.now(), action));
            }
        }
    }

    /** {@code Challenge AuthType: MD5}, as Asterisk-Java sends before every login: a random challenge to hash. */
    private void challenge(ChannelHandlerContext ctx, AmiMessage msg) {
        if (!"md5".equalsIgnoreCase(msg.getOrEmpty("AuthType"))) {
            ctx.writeAndFlush(AmiReplies.error(msg, "Must specify AuthType"));
            return;
        }
        challenge = Integer.toString(java.util.concurrent.ThreadLocalRandom.current().nextInt(100_000_000, 999_999_999));
        ctx.writeAndFlush(AmiMessage.builder().add("Response", "Success").actionId(msg).add("Challenge", challenge)
                .build());
    }

    /** The login's credentials: {@code Secret} in clear, or {@code AuthType: MD5} with {@code Key = md5(challenge + secret)}. */
    private boolean credentialsMatch(AmiServerConfig cfg, AmiMessage msg) {
        if (!cfg.username().equals(msg.getOrEmpty("Username"))) {
            return false;
        }
        if ("md5".equalsIgnoreCase(msg.getOrEmpty("AuthType")) && !challenge.isEmpty()) {
            try {
                byte[] digest = java.security.MessageDigest.getInstance("MD5")
                        .digest((challenge + cfg.secret()).getBytes(StandardCharsets.UTF_8));
                return java.util.HexFormat.of().formatHex(digest).equalsIgnoreCase(msg.getOrEmpty("Key"));
            } catch (java.security.NoSuchAlgorithmException e) {
                return false;
            }
        }
        return cfg.secret().equals(msg.getOrEmpty("Secret"));
    }

    private void login(ChannelHandlerContext ctx, AmiMessage msg) {
        AmiServerConfig cfg = server.config();
        boolean ok = credentialsMatch(cfg, msg);
        if (!ok) {
            LOG.info("AMI login refused for user '{}' from {}", msg.getOrEmpty("Username"), info.remote());
            ctx.executor().schedule(() -> {
                server.broadcast(AmiReplies.invalidPassword(info, server.now()));
                ctx.writeAndFlush(AmiReplies.error(msg, "Authentication failed"))
                        .addListener(ChannelFutureListener.CLOSE);
            }, cfg.badLoginDelay().toNanos(), TimeUnit.NANOSECONDS);
            return;
        }
        loggedIn = true;
        boolean events = !"off".equalsIgnoreCase(msg.getOrEmpty("Events"));
        ctx.write(AmiReplies.success(msg, "Authentication accepted"));
        if (events) {
            ctx.write(AmiReplies.fullyBooted(server.uptimeSeconds()));
            ctx.write(AmiReplies.successfulAuth(info, server.now()));
        }
        ctx.flush();
        ctx.channel().attr(EVENTS_ON).set(events);
        server.loggedIn(ctx.channel());
    }

    private void events(ChannelHandlerContext ctx, AmiMessage msg) {
        boolean on = !"off".equalsIgnoreCase(msg.getOrEmpty("EventMask"));
        ctx.channel().attr(EVENTS_ON).set(on);
        ctx.writeAndFlush(AmiMessage.builder().add("Response", "Success").actionId(msg)
                .add("Events", on ? "On" : "Off").build());
    }

    private void originate(ChannelHandlerContext ctx, AmiMessage msg) {
        server.recordOriginate(msg);
        switch (server.backend().originate(msg)) {
            case QUEUED -> ctx.writeAndFlush(AmiReplies.success(msg, "Originate successfully queued"));
            case FAILED -> ctx.writeAndFlush(AmiReplies.error(msg, "Originate failed"));
            case NO_EXTENSION -> ctx.writeAndFlush(AmiReplies.error(msg, "Extension does not exist."));
        }
    }

    private void hangup(ChannelHandlerContext ctx, AmiMessage msg) {
        String channel = msg.getOrEmpty("Channel");
        if (channel.isEmpty()) {
            ctx.writeAndFlush(AmiReplies.error(msg, "No channel specified"));
            return;
        }
        int cause = parseCause(msg.getOrEmpty("Cause"));
        boolean done = server.backend().hangup(channel, cause);
        ctx.writeAndFlush(done ? AmiReplies.success(msg, "Channel Hungup") : AmiReplies.error(msg, "No such channel"));
    }

    private static int parseCause(String text) {
        try {
            return text.isEmpty() ? 16 : Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            return 16;
        }
    }

    private void status(ChannelHandlerContext ctx, AmiMessage msg) {
        String wanted = msg.getOrEmpty("Channel");
        List<AmiBackend.ChannelView> channels = server.backend().channels().stream()
                .filter(c -> wanted.isEmpty() || c.name().equals(wanted)).toList();
        ctx.write(AmiReplies.listStart(msg, "Channel status will follow"));
        channels.forEach(c -> ctx.write(AmiReplies.status(msg, c)));
        ctx.writeAndFlush(AmiReplies.listComplete(msg, "StatusComplete", channels.size(), true));
    }

    private void coreShowChannels(ChannelHandlerContext ctx, AmiMessage msg) {
        List<AmiBackend.ChannelView> channels = server.backend().channels();
        ctx.write(AmiReplies.listStart(msg, "Channels will follow"));
        channels.forEach(c -> ctx.write(AmiReplies.coreShowChannel(msg, c)));
        ctx.writeAndFlush(AmiReplies.listComplete(msg, "CoreShowChannelsComplete", channels.size(), false));
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.debug("AMI session {} failed: {}", info == null ? "?" : info.remote(), cause.toString());
        ctx.close();
    }
}
