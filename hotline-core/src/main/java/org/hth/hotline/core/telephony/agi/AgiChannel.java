package org.hth.hotline.core.telephony.agi;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.EventLoop;

/**
 * One call's FastAGI connection, seen from the script: {@link #send(String)} writes a command and completes
 * with Asterisk's reply, without a thread waiting for it. One command at a time, as FastAGI has it. Every
 * stage it completes runs on the channel's event loop, with the call id in the MDC ({@code callId}) once
 * {@link #callId(String)} has set it; {@link #offLoop(Supplier)} runs blocking work (the store) on the
 * server's small executor and resumes on the loop.
 *
 * <p>A reply of {@code 510} or {@code 520} fails the command with {@link AgiCommandException}, a {@code 511}
 * (dead channel) or a closed connection with {@link AgiHangupException}. A {@code HANGUP} line (Asterisk's
 * AGISIGHUP, sent when the caller hangs up) is noted ({@link #hungUp()}) and skipped: Asterisk still answers
 * the commands it allows on a dead channel. Confined to the channel's event loop; not thread-safe.
 */
final class AgiChannel {
    private static final Logger log = LoggerFactory.getLogger(AgiChannel.class);
    static final String MDC_KEY = "callId";
    private static final String HANGUP = "HANGUP";

    private final Channel channel;
    private final Executor blocking;
    private final AgiReplyParser parser = new AgiReplyParser();
    private CompletableFuture<AgiReply> pending;
    private boolean closed;
    private boolean hungUp;
    private String callId;

    /** @param blocking where {@link #offLoop(Supplier)} runs its work; never an event loop */
    AgiChannel(Channel channel, Executor blocking) {
        this.channel = channel;
        this.blocking = blocking;
    }

    /**
     * Writes the command and completes with its reply.
     *
     * @param command one line, without its end (see {@link AgiCommand})
     */
    CompletionStage<AgiReply> send(String command) {
        if (closed) {
            return CompletableFuture.failedFuture(new AgiHangupException("the AGI connection is closed"));
        }
        if (pending != null) {
            return CompletableFuture.failedFuture(new IllegalStateException("an AGI command is still pending"));
        }
        CompletableFuture<AgiReply> reply = new CompletableFuture<>();
        pending = reply;
        channel.writeAndFlush(Unpooled.copiedBuffer(command + "\n", StandardCharsets.UTF_8)).addListener(written -> {
            if (!written.isSuccess()) {
                run(() -> {
                    fail(new AgiHangupException("the AGI command could not be written"));
                    channel.close();
                });
            }
        });
        return reply;
    }

    /** {@code EXEC}: the application's result code ({@code -2} when Asterisk has no such application). */
    CompletionStage<Integer> exec(String application, String... arguments) {
        return send(AgiCommand.exec(application, arguments)).thenApply(AgiReply::resultCode);
    }

    /** {@code GET DATA}: the digits, {@code -1} when the caller hung up, empty on a timeout. */
    CompletionStage<String> getData(String files, long timeoutMillis, int maxDigits) {
        return send(AgiCommand.getData(files, timeoutMillis, maxDigits)).thenApply(AgiReply::result);
    }

    /** {@code GET VARIABLE}: the value, empty when the variable is not set. */
    CompletionStage<Optional<String>> getVariable(String name) {
        return send(AgiCommand.getVariable(name))
                .thenApply(reply -> reply.resultCode() == 1 ? reply.data() : Optional.empty());
    }

    /** {@code SET VARIABLE}. */
    CompletionStage<Void> setVariable(String name, String value) {
        return send(AgiCommand.setVariable(name, value)).thenApply(reply -> null);
    }

    /**
     * Runs blocking work off the event loop, on the server's executor (with the call id in the MDC), and
     * completes on the loop. When the executor is full the stage fails with its
     * {@link RejectedExecutionException}.
     */
    <T> CompletionStage<T> offLoop(Supplier<T> work) {
        CompletableFuture<T> resumed = new CompletableFuture<>();
        String id = callId;
        try {
            blocking.execute(() -> {
                T value;
                putCallId(id);
                try {
                    value = work.get();
                } catch (RuntimeException e) {
                    resumeOnLoop(() -> resumed.completeExceptionally(e));
                    return;
                } finally {
                    MDC.remove(MDC_KEY);
                }
                resumeOnLoop(() -> resumed.complete(value));
            });
        } catch (RejectedExecutionException e) {
            resumed.completeExceptionally(e);
        }
        return resumed;
    }

    /** Names the call: from now on every step of it runs with {@code callId} in the MDC. */
    void callId(String id) {
        this.callId = id;
        putCallId(id);
    }

    /** Whether Asterisk said the caller hung up ({@code HANGUP}) or the connection closed. */
    boolean hungUp() {
        return hungUp || closed;
    }

    /** Runs one step of the call on the loop, with the call id in the MDC when it is known. */
    void run(Runnable step) {
        putCallId(callId);
        try {
            step.run();
        } finally {
            MDC.remove(MDC_KEY);
        }
    }

    /** A line from Asterisk after the environment. */
    void onLine(String line) {
        if (HANGUP.equals(line) && parser.betweenReplies()) {
            hungUp = true;
            log.debug("Asterisk says the caller hung up (HANGUP)");
            return;
        }
        Optional<AgiReply> reply;
        try {
            reply = parser.feed(line);
        } catch (AgiCommandException e) {
            log.warn("FastAGI peer sent a line that is not a reply ({}); closing", e.getMessage());
            fail(e);
            channel.close();
            return;
        }
        if (reply.isEmpty()) {
            return;
        }
        if (pending == null) {
            log.warn("FastAGI peer sent a reply to no command; closing");
            channel.close();
            return;
        }
        CompletableFuture<AgiReply> waiting = pending;
        pending = null;
        AgiReply received = reply.get();
        switch (received.status()) {
            case AgiReply.SUCCESS -> waiting.complete(received);
            case AgiReply.DEAD_CHANNEL -> waiting.completeExceptionally(
                    new AgiHangupException("511: command not permitted on a dead channel"));
            case AgiReply.INVALID_OR_UNKNOWN_COMMAND -> waiting.completeExceptionally(
                    new AgiCommandException("510: invalid or unknown command"));
            case AgiReply.INVALID_COMMAND_SYNTAX -> waiting.completeExceptionally(
                    new AgiCommandException("520: invalid command syntax"));
            default -> waiting.completeExceptionally(new AgiCommandException("AGI status " + received.status()));
        }
    }

    /** The connection closed: the command waiting, and every later one, fails. */
    void onClosed() {
        closed = true;
        fail(new AgiHangupException("the AGI connection closed"));
    }

    private void fail(RuntimeException cause) {
        CompletableFuture<AgiReply> waiting = pending;
        pending = null;
        if (waiting != null) {
            waiting.completeExceptionally(cause);
        }
    }

    private void resumeOnLoop(Runnable step) {
        EventLoop loop = channel.eventLoop();
        try {
            loop.execute(() -> run(step));
        } catch (RejectedExecutionException e) {
            log.debug("the AGI event loop is shut down; the call's step is dropped");
        }
    }

    private static void putCallId(String id) {
        if (id != null) {
            MDC.put(MDC_KEY, id);
        }
    }
}
