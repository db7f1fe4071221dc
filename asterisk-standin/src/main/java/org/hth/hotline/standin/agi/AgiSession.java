package org.hth.hotline.standin.agi;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import org.hth.hotline.standin.call.Events;
import org.hth.hotline.standin.call.SimCall;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One FastAGI connection, Asterisk's side: sends the environment, runs the script's commands one after the
 * other, sends {@code HANGUP} when the caller hangs up (after the pending reply), and when the script closes
 * its side sends {@code HANGUP} once more and closes. Completes with the AGISTATUS. Confined to the call's loop.
 */
final class AgiSession extends SimpleChannelInboundHandler<String> {
    private static final Logger LOG = LoggerFactory.getLogger(AgiSession.class);
    private final SimCall call;
    private final String environment;
    private final AgiCommands commands;
    private final CompletableFuture<String> status;
    private final Deque<String> queue = new ArrayDeque<>();
    private final Runnable onHangup = this::callerHungUp;
    private ChannelHandlerContext ctx;
    private boolean busy;
    private boolean dead;
    private boolean hangupPending;
    private boolean scriptDone;
    private String result = "SUCCESS";

    AgiSession(SimCall call, String environment, AgiCommands commands, CompletableFuture<String> status) {
        this.call = call;
        this.environment = environment;
        this.commands = commands;
        this.status = status;
    }

    @Override
    public void channelActive(ChannelHandlerContext context) {
        ctx = context;
        ctx.writeAndFlush(Unpooled.copiedBuffer(environment, StandardCharsets.UTF_8));
        call.onHangup(onHangup);
    }

    @Override
    protected void channelRead0(ChannelHandlerContext context, String line) {
        queue.add(line.endsWith("\r") ? line.substring(0, line.length() - 1) : line);
        next();
    }

    private void next() {
        if (busy || queue.isEmpty()) {
            if (!busy && scriptDone) {
                end();
            }
            return;
        }
        busy = true;
        String command = queue.poll();
        String commandId = Integer.toString(ThreadLocalRandom.current().nextInt(Integer.MAX_VALUE));
        call.emit(Events.channel("AGIExecStart", "agi,all", call.line(), "CommandId", commandId, "Command", command));
        commands.execute(call, AgiArguments.parse(command), dead).whenComplete((reply, error) -> {
            AgiReply r = reply != null ? reply : AgiReply.failed("200 result=-1");
            if (r.failure() && !call.gone()) {
                result = "FAILURE";
            }
            ctx.writeAndFlush(Unpooled.copiedBuffer(r.wire(), StandardCharsets.UTF_8));
            call.emit(Events.channel("AGIExecEnd", "agi,all", call.line(), "CommandId", commandId, "Command", command,
                    "ResultCode", Integer.toString(r.resultCode()), "Result", r.amiResult()));
            call.recordAgi(new SimCall.AgiExchange(command, r.wire()));
            busy = false;
            if (hangupPending) {
                hangupPending = false;
                sendHangup();
            }
            next();
        });
    }

    private void callerHungUp() {
        dead = true;
        result = "HANGUP";
        if (busy) {
            hangupPending = true;
        } else {
            sendHangup();
        }
    }

    private void sendHangup() {
        if (ctx.channel().isActive()) {
            ctx.writeAndFlush(Unpooled.copiedBuffer("HANGUP\n", StandardCharsets.US_ASCII));
        }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext context, Object evt) {
        if (evt instanceof ChannelInputShutdownEvent) {
            scriptDone = true;
            next();
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext context) {
        scriptDone = true;
        if (!busy) {
            end();
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
        LOG.debug("FastAGI connection of {} failed: {}", call.line().name(), cause.toString());
        if (!dead) {
            result = "FAILURE";
        }
        context.close();
    }

    private void end() {
        if (status.isDone()) {
            return;
        }
        call.removeHangupListener(onHangup);
        if (ctx.channel().isActive()) {
            ctx.writeAndFlush(Unpooled.copiedBuffer("HANGUP\n", StandardCharsets.US_ASCII)).addListener(f -> ctx.close());
        }
        status.complete(result);
    }
}
