package org.hth.hotline.standin.ami;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reads recorded AMI bytes (a banner line is skipped) into messages, e.g. the fixtures' {@code ami.wire}. Pure. */
public final class AmiWire {
    private AmiWire() {
    }

    public static List<AmiMessage> parse(byte[] wire) {
        String text = new String(wire, StandardCharsets.UTF_8);
        if (text.startsWith("Asterisk Call Manager/")) {
            text = text.substring(text.indexOf("\r\n") + 2);
        }
        List<AmiMessage> out = new ArrayList<>();
        for (String block : text.split("\r\n\r\n")) {
            if (block.isBlank()) {
                continue;
            }
            AmiMessage.Builder b = AmiMessage.builder();
            for (String line : block.split("\r\n")) {
                int colon = line.indexOf(": ");
                b.add(colon < 0 ? line.replace(":", "") : line.substring(0, colon), colon < 0 ? "" : line.substring(colon + 2));
            }
            out.add(b.build());
        }
        return out;
    }

    /** The wire bytes of messages, banner excluded. */
    public static ByteBuf encode(List<AmiMessage> messages) {
        ByteBuf buf = Unpooled.buffer();
        messages.forEach(m -> buf.writeBytes(AmiMessageEncoder.encode(m)));
        return buf;
    }
}
