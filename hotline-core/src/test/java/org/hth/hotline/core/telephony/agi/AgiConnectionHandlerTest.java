package org.hth.hotline.core.telephony.agi;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;

/**
 * A connection before any script runs: the environment deadline (on the loop's clock, frozen here), incomplete
 * environments, scripts not served, endless lines. No route script is needed for any of them.
 */
class AgiConnectionHandlerTest {
    private static final Duration DEADLINE = Duration.ofSeconds(5);
    private final EmbeddedChannel wire = new EmbeddedChannel(new AgiLineDecoder(),
            new AgiConnectionHandler(null, DEADLINE, Runnable::run));

    AgiConnectionHandlerTest() {
        wire.freezeTime();
    }

    @AfterEach
    void release() {
        wire.finishAndReleaseAll();
    }

    private void receive(String text) {
        wire.writeInbound(Unpooled.copiedBuffer(text, StandardCharsets.UTF_8));
    }

    private static String environment() {
        return new FakeAsterisk("3331234567", "1795304357.52").environment();
    }

    @Test
    void aClientThatStopsMidEnvironmentIsClosedAtTheDeadline() {
        receive(environment().lines().limit(5).reduce("", (a, b) -> a + b + "\n"));

        wire.advanceTimeBy(DEADLINE.toMillis() - 1, TimeUnit.MILLISECONDS);
        wire.runScheduledPendingTasks();
        assertThat(wire.isOpen()).as("before the deadline").isTrue();

        wire.advanceTimeBy(1, TimeUnit.MILLISECONDS);
        wire.runScheduledPendingTasks();
        assertThat(wire.isOpen()).as("at the deadline").isFalse();
        assertThat(wire.<Object>readOutbound()).as("nothing was sent").isNull();
    }

    @Test
    void anEnvironmentWithoutThreadidIsClosedAtOnce() {
        receive(environment().replace("agi_threadid: 139832667330240\n", ""));

        assertThat(wire.isOpen()).isFalse();
        assertThat(wire.<Object>readOutbound()).isNull();
    }

    @Test
    void anotherScriptIsToldNotFoundUnderTheDeadlineAndClosed() {
        receive(environment().replace("agi_network_script: route", "agi_network_script: other"));

        ByteBuf sent = wire.readOutbound();
        assertThat(sent.toString(StandardCharsets.UTF_8)).isEqualTo("SET VARIABLE \"AJ_AGISTATUS\" \"NOT_FOUND\"\n");
        sent.release();
        assertThat(wire.isOpen()).isTrue();
        receive("200 result=1\n");
        assertThat(wire.isOpen()).isFalse();
    }

    @Test
    void anotherScriptWhoseClientNeverAnswersIsClosedAtTheDeadline() {
        receive(environment().replace("agi_network_script: route", "agi_network_script: other"));
        ByteBuf sent = wire.readOutbound();
        sent.release();

        wire.advanceTimeBy(DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
        wire.runScheduledPendingTasks();
        assertThat(wire.isOpen()).isFalse();
    }

    @Test
    void anEndlessLineIsClosed() {
        receive("agi_network: " + "x".repeat(3 * AgiLineDecoder.MAX_LINE));

        assertThat(wire.isOpen()).isFalse();
    }

    @Test
    void anEnvironmentOfTooManyLinesIsClosed() {
        receive("agi_arg_1: x\n".repeat(AgiEnvironmentReader.MAX_LINES + 1));

        assertThat(wire.isOpen()).isFalse();
    }
}
