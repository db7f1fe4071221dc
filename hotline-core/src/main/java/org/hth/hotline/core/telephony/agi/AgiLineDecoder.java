package org.hth.hotline.core.telephony.agi;

import java.nio.charset.StandardCharsets;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.LineBasedFrameDecoder;

/**
 * Splits what Asterisk sends into lines, as {@link String}s without their end: FastAGI lines end in LF (a CR
 * before it is dropped too). A line longer than {@link #MAX_LINE} bytes fails at once with Netty's
 * {@code TooLongFrameException} (the connection handler closes the peer), so an endless line costs at most
 * that much memory. One per channel; runs on its event loop.
 */
final class AgiLineDecoder extends LineBasedFrameDecoder {
    /** The longest line taken, in bytes, without its end. */
    static final int MAX_LINE = 8192;

    AgiLineDecoder() {
        super(MAX_LINE, true, true);
    }

    @Override
    protected Object decode(ChannelHandlerContext ctx, ByteBuf buffer) throws Exception {
        Object frame = super.decode(ctx, buffer);
        if (!(frame instanceof ByteBuf line)) {
            return frame;
        }
        try {
            return line.toString(StandardCharsets.UTF_8);
        } finally {
            line.release();
        }
    }
}
