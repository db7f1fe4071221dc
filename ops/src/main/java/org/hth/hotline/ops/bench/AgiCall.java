package org.hth.hotline.ops.bench;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;

/**
 * One call of the bench's FastAGI client: sends the {@code agi_*} environment of recording 01 (with its own
 * uniqueid and caller, and the linkedid as {@code agi_arg_1}, as the shipped dialplan's
 * {@code AGI(agi://…/route,${CHANNEL(linkedid)})} makes Asterisk send it; the baseline gets it too), answers each command at once, notes when the first {@code EXEC Dial} arrives, holds
 * that Dial for {@code hold} (the operator talking) and completes when the server closes the connection. For
 * every command before the first Dial it notes the server's time: from the connection (for the first command)
 * or from the reply to the command before, to the command's arrival. Confined to its channel's event loop.
 */
final class AgiCall extends SimpleChannelInboundHandler<String> {
    /**
     * How one call went.
     *
     * @param dialNanos    connect to first Dial, or -1 when no Dial came (a lost call)
     * @param dialCommand  the first Dial command line, or empty
     * @param steps        the commands up to the first Dial (included), in order
     */
    record Outcome(long dialNanos, String dialCommand, List<Step> steps) {
        Outcome {
            steps = List.copyOf(steps);
        }
    }

    /**
     * One command the server sent before its first Dial.
     *
     * @param command     its verb, e.g. {@code GET DATA} or {@code EXEC Dial}
     * @param serverNanos from the reply before it (or the connection) to its arrival
     */
    record Step(String command, long serverNanos) {
    }

    private final long startNanos;
    private final String uniqueId;
    private final String callerId;
    private final Duration hold;
    private final Runnable onDial;
    private final CompletableFuture<Outcome> done = new CompletableFuture<>();
    private final List<Step> steps = new ArrayList<>();
    private long dialNanos = -1;
    private String dialCommand = "";
    private long lastReplyNanos;

    AgiCall(long startNanos, String uniqueId, String callerId, Duration hold, Runnable onDial) {
        this.startNanos = startNanos;
        this.uniqueId = uniqueId;
        this.callerId = callerId;
        this.hold = hold;
        this.onDial = onDial;
    }

    CompletableFuture<Outcome> done() {
        return done;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        lastReplyNanos = System.nanoTime();
        String environment = "agi_network: yes\nagi_network_script: route\nagi_request: agi://127.0.0.1/route\n"
                + "agi_channel: Local/800290290@numero-verde-" + uniqueId.replace('.', '-') + ";2\n"
                + "agi_language: en\nagi_type: Local\nagi_uniqueid: " + uniqueId + "\nagi_version: 22.10.1\n"
                + "agi_callerid: " + callerId + "\nagi_calleridname: unknown\nagi_callingpres: 0\n"
                + "agi_callingani2: 0\nagi_callington: 0\nagi_callingtns: 0\nagi_dnid: unknown\n"
                + "agi_rdnis: unknown\nagi_context: numero-verde\nagi_extension: 800290290\nagi_priority: 3\n"
                + "agi_enhanced: 0.0\nagi_accountcode: \nagi_threadid: 139832667330240\n"
                + "agi_arg_1: " + uniqueId + "\n\n";
        ctx.writeAndFlush(Unpooled.copiedBuffer(environment, StandardCharsets.UTF_8));
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, String line) {
        long now = System.nanoTime();
        if (dialNanos < 0) {
            steps.add(new Step(AgiReplies.verb(line), now - lastReplyNanos));
        }
        if (AgiReplies.isDial(line)) {
            if (dialNanos < 0) {
                dialNanos = now - startNanos;
                dialCommand = line;
                onDial.run();
            }
            ctx.executor().schedule(() -> send(ctx, "200 result=0"), hold.toNanos(), TimeUnit.NANOSECONDS);
            return;
        }
        send(ctx, AgiReplies.reply(line, uniqueId));
        lastReplyNanos = System.nanoTime();
    }

    private static void send(ChannelHandlerContext ctx, String reply) {
        if (ctx.channel().isActive()) {
            ctx.writeAndFlush(Unpooled.copiedBuffer(reply + "\n", StandardCharsets.UTF_8));
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        done.complete(new Outcome(dialNanos, dialCommand, steps));
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close();
    }

    /** A connection that could not be made. */
    void failed() {
        done.complete(new Outcome(-1, "", List.of()));
    }
}
