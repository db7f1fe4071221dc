package org.hth.hotline.core.telephony.agi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.TooLongFrameException;

/** The line codec: LF or CRLF ends, lines split across reads, UTF-8, and the limit on a line's length. */
class AgiLineDecoderTest {
    private final EmbeddedChannel channel = new EmbeddedChannel(new AgiLineDecoder());

    private void receive(String text) {
        channel.writeInbound(Unpooled.copiedBuffer(text, StandardCharsets.UTF_8));
    }

    @Test
    void linesEndInLfOrCrLfAndLoseTheirEnd() {
        receive("agi_network: yes\nagi_callerid: 333\r\n\n200 result=1 (è)\n");

        assertThat((String) channel.readInbound()).isEqualTo("agi_network: yes");
        assertThat((String) channel.readInbound()).isEqualTo("agi_callerid: 333");
        assertThat((String) channel.readInbound()).isEmpty();
        assertThat((String) channel.readInbound()).isEqualTo("200 result=1 (è)");
        assertThat(channel.<Object>readInbound()).isNull();
    }

    @Test
    void aLineSplitAcrossReadsComesWhole() {
        receive("200 res");
        assertThat(channel.<Object>readInbound()).isNull();

        receive("ult=0\nHANG");
        assertThat((String) channel.readInbound()).isEqualTo("200 result=0");
        receive("UP\n");
        assertThat((String) channel.readInbound()).isEqualTo("HANGUP");
    }

    @Test
    void aLineLongerThanTheLimitFailsBeforeItEnds() {
        assertThatThrownBy(() -> receive("agi_network: " + "x".repeat(AgiLineDecoder.MAX_LINE)))
                .isInstanceOf(TooLongFrameException.class);
    }

    @Test
    void aLineOfExactlyTheLimitIsTaken() {
        String longest = "x".repeat(AgiLineDecoder.MAX_LINE);
        receive(longest + "\n");

        assertThat((String) channel.readInbound()).isEqualTo(longest);
    }
}
