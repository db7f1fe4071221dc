package org.hth.hotline.core.telephony.agi;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

import io.netty.buffer.ByteBuf;
import io.netty.channel.embedded.EmbeddedChannel;

/** The call's asynchronous channel: one command at a time, replies, HANGUP, failures, the MDC, the store hop. */
class AgiChannelTest {
    private final EmbeddedChannel wire = new EmbeddedChannel();
    /** The store's threads: each task on a thread of its own, joined by {@link #storeWorkDone()}. */
    private final List<Thread> storeThreads = new ArrayList<>();
    private final AgiChannel channel = new AgiChannel(wire, task -> {
        Thread thread = new Thread(task, "store");
        storeThreads.add(thread);
        thread.start();
    });

    @AfterEach
    void stop() {
        wire.finishAndReleaseAll();
    }

    /** Waits for the store's work, then runs on the loop what it handed back. */
    private void storeWorkDone() throws InterruptedException {
        for (Thread thread : storeThreads) {
            thread.join(10_000);
        }
        wire.runPendingTasks();
    }

    private String written() {
        ByteBuf out = wire.readOutbound();
        try {
            return out.toString(StandardCharsets.UTF_8);
        } finally {
            out.release();
        }
    }

    private static Throwable failure(CompletionStage<?> stage) {
        CompletableFuture<?> future = stage.toCompletableFuture();
        assertThat(future).isCompletedExceptionally();
        return future.handle((value, error) -> RouteScript.unwrap(error)).join();
    }

    @Test
    void aCommandGoesOutAsOneLineAndCompletesWithItsReply() {
        CompletionStage<Optional<String>> status = channel.getVariable("DIALSTATUS");

        assertThat(written()).isEqualTo("GET VARIABLE \"DIALSTATUS\"\n");
        assertThat(status.toCompletableFuture()).isNotDone();
        channel.onLine("200 result=1 (ANSWER)");
        assertThat(status.toCompletableFuture()).isCompletedWithValue(Optional.of("ANSWER"));

        CompletionStage<Optional<String>> unset = channel.getVariable("NOT_SET");
        channel.onLine("200 result=0");
        assertThat(unset.toCompletableFuture()).isCompletedWithValue(Optional.empty());
    }

    @Test
    void hangupIsNotedAndSkippedAndTheReplyStillCounts() {
        CompletionStage<Integer> dial = channel.exec("Dial", "PJSIP/op-anna", "20", "m");
        channel.onLine("200 result=-1");
        CompletionStage<Optional<String>> status = channel.getVariable("DIALSTATUS");
        // as recorded in call 01: HANGUP comes between the Dial's reply and the next one
        channel.onLine("HANGUP");
        assertThat(status.toCompletableFuture()).isNotDone();
        channel.onLine("200 result=1 (ANSWER)");

        assertThat(dial.toCompletableFuture()).isCompletedWithValue(-1);
        assertThat(status.toCompletableFuture()).isCompletedWithValue(Optional.of("ANSWER"));
        assertThat(channel.hungUp()).isTrue();
    }

    @Test
    void deadChannelUnknownCommandAndBadSyntaxFail() {
        CompletionStage<Void> dead = channel.setVariable("HOTLINE_OUTCOME", "ANSWERED");
        channel.onLine("511 Command Not Permitted on a dead channel or intercept routine");
        assertThat(failure(dead)).isInstanceOf(AgiHangupException.class);

        CompletionStage<AgiReply> unknown = channel.send("FOO BAR");
        channel.onLine("510 Invalid or unknown command");
        assertThat(failure(unknown)).isExactlyInstanceOf(AgiCommandException.class);

        CompletionStage<AgiReply> syntax = channel.send("GET DATA");
        channel.onLine("520-Invalid command syntax.  Proper usage follows:");
        channel.onLine("Stream the given file, and receive DTMF data.");
        assertThat(syntax.toCompletableFuture()).isNotDone();
        channel.onLine("520 End of proper usage.");
        assertThat(failure(syntax)).isExactlyInstanceOf(AgiCommandException.class).hasMessageContaining("520");
        assertThat(wire.isActive()).isTrue();
    }

    @Test
    void aLineThatIsNotAReplyFailsTheCommandAndClosesTheConnection() {
        CompletionStage<AgiReply> sent = channel.send("NOOP");
        channel.onLine("GET / HTTP/1.1");

        assertThat(failure(sent)).isExactlyInstanceOf(AgiCommandException.class);
        assertThat(wire.isOpen()).isFalse();
    }

    @Test
    void aClosedConnectionFailsTheWaitingCommandAndEveryLaterOne() {
        CompletionStage<Integer> dial = channel.exec("Dial", "PJSIP/op-anna", "20", "m");
        channel.onClosed();

        assertThat(failure(dial)).isInstanceOf(AgiHangupException.class);
        assertThat(failure(channel.send("NOOP"))).isInstanceOf(AgiHangupException.class);
        assertThat(channel.hungUp()).isTrue();
    }

    @Test
    void oneCommandAtATime() {
        channel.send("NOOP");

        assertThat(failure(channel.send("NOOP"))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void stepsRunWithTheCallIdInTheMdc() {
        List<String> seen = new ArrayList<>();
        channel.run(() -> seen.add(MDC.get("callId")));
        channel.callId("1795304357.52");
        MDC.remove("callId");
        CompletionStage<AgiReply> sent = channel.send("NOOP");
        sent.thenRun(() -> seen.add(MDC.get("callId")));
        channel.run(() -> channel.onLine("200 result=0"));

        assertThat(seen).containsExactly(null, "1795304357.52");
        assertThat(MDC.get("callId")).as("cleared after the step").isNull();
    }

    @Test
    void blockingWorkRunsOffTheLoopAndResumesOnIt() throws InterruptedException {
        channel.callId("1795304357.53");
        MDC.remove("callId");
        Thread test = Thread.currentThread();
        List<String> where = new ArrayList<>();
        CompletionStage<String> looked = channel.offLoop(() -> {
            where.add((Thread.currentThread() == test ? "caller" : "store") + " " + MDC.get("callId"));
            return "en";
        });
        CompletionStage<String> resumed = looked.thenApply(language -> {
            where.add((Thread.currentThread() == test ? "loop" : "elsewhere") + " " + MDC.get("callId"));
            return language;
        });

        storeWorkDone();

        assertThat(resumed.toCompletableFuture()).isCompletedWithValue("en");
        assertThat(where).containsExactly("store 1795304357.53", "loop 1795304357.53");
    }

    @Test
    void blockingWorkThatFailsFailsTheStage() throws InterruptedException {
        CompletionStage<String> looked = channel.offLoop(() -> {
            throw new IllegalStateException("store down");
        });

        storeWorkDone();

        assertThat(failure(looked)).isInstanceOf(IllegalStateException.class);
    }
}
