package org.hth.hotline.standin.ami;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AmiCodecTest {
    private static byte[] wire() throws IOException {
        try (InputStream in = AmiCodecTest.class.getResourceAsStream("/fixtures/asterisk/01-answered/ami.wire")) {
            return in.readAllBytes();
        }
    }

    @Test
    void roundTripOfTheRecordedStreamIsByteExact() throws IOException {
        byte[] wire = wire();
        EmbeddedChannel ch = new EmbeddedChannel(new AmiMessageDecoder(65536), new AmiMessageEncoder());
        ch.writeInbound(Unpooled.wrappedBuffer(wire));
        List<AmiMessage> messages = new ArrayList<>();
        for (Object m; (m = ch.readInbound()) != null; ) {
            messages.add((AmiMessage) m);
        }
        assertThat(messages).hasSizeGreaterThan(90);
        assertThat(messages.get(0).fields().get(0)).isEqualTo(new AmiField("Response", "Success"));
        messages.forEach(ch::writeOutbound);
        ByteBuf out = Unpooled.buffer();
        for (Object b; (b = ch.readOutbound()) != null; ) {
            out.writeBytes((ByteBuf) b);
        }
        assertThat(ByteBufUtil.getBytes(out)).isEqualTo(wire);
    }

    @Test
    void firstMessageEncodesExactlyAsRecorded() throws IOException {
        byte[] wire = wire();
        String text = new String(wire, StandardCharsets.UTF_8);
        String first = text.substring(0, text.indexOf("\r\n\r\n") + 4);
        AmiMessage msg = AmiWire.parse(first.getBytes(StandardCharsets.UTF_8)).get(0);
        assertThat(new String(AmiMessageEncoder.encode(msg), StandardCharsets.UTF_8)).isEqualTo(first);
    }

    @Test
    void decoderToleratesBareLineFeedsAndKeepsEmptyValues() {
        EmbeddedChannel ch = new EmbeddedChannel(new AmiMessageDecoder(1024));
        ch.writeInbound(Unpooled.copiedBuffer("Action: Ping\nActionID: 1\nAccountCode: \n\n", StandardCharsets.UTF_8));
        AmiMessage m = ch.readInbound();
        assertThat(m.fields()).containsExactly(new AmiField("Action", "Ping"), new AmiField("ActionID", "1"),
                new AmiField("AccountCode", ""));
    }

    @Test
    void nonUtf8BytesAreReplacedNotFatal() {
        EmbeddedChannel ch = new EmbeddedChannel(new AmiMessageDecoder(1024));
        ch.writeInbound(Unpooled.wrappedBuffer(new byte[] {'A', ':', ' ', (byte) 0xff, (byte) 0xfe, '\r', '\n', '\r', '\n'}));
        AmiMessage m = ch.readInbound();
        assertThat(m.getOrEmpty("A")).hasSize(2);
    }
}
