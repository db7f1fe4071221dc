package org.hth.hotline.core.telephony.agi;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.util.concurrent.ScheduledFuture;

/**
 * One FastAGI connection from an allowed peer: reads the {@code agi_*} environment under a deadline, then runs
 * {@link RouteScript} on it (its commands and replies through an {@link AgiChannel}) and closes the connection
 * when the script is done. An environment that is not complete (Asterisk always ends it with
 * {@code agi_threadid}) is closed at once; one that asks for another script gets
 * {@code AJ_AGISTATUS=NOT_FOUND} (as Asterisk-Java did) under the same deadline, and the channel goes on in the
 * dialplan. Any error of the connection (a line longer than {@link AgiLineDecoder#MAX_LINE}, an environment of
 * too many lines, a reset) closes it. Logged without caller data. One per connection, on its event loop.
 */
final class AgiConnectionHandler extends SimpleChannelInboundHandler<String> {
    private static final Logger log = LoggerFactory.getLogger(AgiConnectionHandler.class);

    private final RouteScript route;
    private final Duration environmentTimeout;
    private final Executor blocking;
    private final AgiEnvironmentReader environment = new AgiEnvironmentReader();
    private AgiChannel call;
    private ScheduledFuture<?> deadline;

    /** @param blocking the executor for the script's store calls */
    AgiConnectionHandler(RouteScript route, Duration environmentTimeout, Executor blocking) {
        this.route = route;
        this.environmentTimeout = environmentTimeout;
        this.blocking = blocking;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        deadline = ctx.executor().schedule(() -> {
            log.warn("FastAGI client sent no complete agi_* environment within {} ms; connection closed",
                    environmentTimeout.toMillis());
            ctx.close();
        }, environmentTimeout.toNanos(), TimeUnit.NANOSECONDS);
        ctx.fireChannelActive();
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, String line) {
        if (!ctx.channel().isOpen()) {
            return; // closed by us: what was read along with the last line is of no use
        }
        if (call != null) {
            AgiChannel current = call;
            current.run(() -> current.onLine(line));
            return;
        }
        Optional<AgiEnvironment> read = environment.accept(line);
        if (read.isPresent()) {
            start(ctx, read.get());
        }
    }

    private void start(ChannelHandlerContext ctx, AgiEnvironment request) {
        AgiChannel channel = new AgiChannel(ctx.channel(), blocking);
        call = channel;
        if (!request.isComplete()) {
            log.warn("FastAGI client sent no complete agi_* environment; connection closed");
            ctx.close();
            return;
        }
        if (!RouteScript.NAME.equals(request.script())) {
            log.warn("FastAGI script '{}' is not served; the channel goes on in the dialplan",
                    printable(request.script()));
            channel.send(AgiCommand.setVariable("AJ_AGISTATUS", "NOT_FOUND")).whenComplete((reply, error) -> ctx.close());
            return;
        }
        deadline.cancel(false);
        channel.run(() -> route.service(request, channel).whenComplete((result, error) -> ctx.close()));
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (deadline != null) {
            deadline.cancel(false);
        }
        if (call != null) {
            AgiChannel current = call;
            current.run(current::onClosed);
        }
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        String why = cause instanceof AgiCommandException ? cause.getMessage() : cause.getClass().getSimpleName();
        if (call != null) {
            AgiChannel current = call;
            current.run(() -> log.warn("FastAGI connection closed after an error ({})", why));
        } else {
            log.warn("FastAGI connection closed after an error ({})", why);
        }
        ctx.close();
    }

    private static String printable(String script) {
        String cut = script.length() > 40 ? script.substring(0, 40) : script;
        return cut.replaceAll("[^A-Za-z0-9_./-]", "?");
    }
}
