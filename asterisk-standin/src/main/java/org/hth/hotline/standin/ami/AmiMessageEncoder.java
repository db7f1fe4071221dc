package org.hth.hotline.standin.ami;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToByteEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Encodes an {@link AmiMessage} exactly as Asterisk frames it: {@code Key: Value\r\n} per field, then
 * {@code \r\n}. Raw {@link ByteBuf}s pass through untouched (the banner, injected garbage). Stateless and
 * shareable between connections.
 */
@Sharable
public final class AmiMessageEncoder extends MessageToByteEncoder<AmiMessage> {
    @Override
    protected void encode(ChannelHandlerContext ctx, AmiMessage msg, ByteBuf out) {
        out.writeBytes(encode(msg));
    }

    /** The wire bytes of one message. */
    public static byte[] encode(AmiMessage msg) {
        StringBuilder sb = new StringBuilder(64 * msg.fields().size());
        for (AmiField f : msg.fields()) {
            sb.append(f.key()).append(": ").append(f.value()).append("\r\n");
        }
        sb.append("\r\n");
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }
}
