package org.hth.hotline.standin.ami;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.handler.codec.TooLongFrameException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes AMI messages sent by a client: lines ending in CRLF or a bare LF, {@code Key: Value}, an empty
 * line ends the message. Bytes that are not UTF-8 are replaced, never rejected; a line longer than the limit
 * fails with {@link TooLongFrameException}. One instance per connection; runs on that connection's event loop.
 */
public final class AmiMessageDecoder extends ByteToMessageDecoder {
    private final int maxLineLength;
    private final List<AmiField> pending = new ArrayList<>();

    public AmiMessageDecoder(int maxLineLength) {
        this.maxLineLength = maxLineLength;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        while (true) {
            int eol = in.indexOf(in.readerIndex(), in.writerIndex(), (byte) '\n');
            if (eol < 0) {
                if (in.readableBytes() > maxLineLength) {
                    in.skipBytes(in.readableBytes());
                    throw new TooLongFrameException("AMI line longer than " + maxLineLength + " bytes");
                }
                return;
            }
            int length = eol - in.readerIndex();
            String line = in.toString(in.readerIndex(), length, StandardCharsets.UTF_8);
            in.readerIndex(eol + 1);
            if (line.endsWith("\r")) {
                line = line.substring(0, line.length() - 1);
            }
            if (line.isEmpty()) {
                if (!pending.isEmpty()) {
                    out.add(new AmiMessage(pending));
                    pending.clear();
                }
                continue;
            }
            int colon = line.indexOf(':');
            if (colon < 0) {
                pending.add(new AmiField(line, ""));
            } else {
                pending.add(new AmiField(line.substring(0, colon).trim(), line.substring(colon + 1).strip()));
            }
        }
    }
}
