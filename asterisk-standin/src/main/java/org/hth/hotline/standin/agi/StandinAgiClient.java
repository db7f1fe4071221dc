package org.hth.hotline.standin.agi;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.LineBasedFrameDecoder;
import io.netty.handler.codec.string.StringDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import org.hth.hotline.standin.call.SimCall;

/**
 * Asterisk's {@code AGI(agi://host:port/script)} for a simulated call: opens the FastAGI connection on the
 * call's event loop, sends the environment, answers commands, and completes with the AGISTATUS the dialplan
 * sees: {@code SUCCESS}, {@code FAILURE} (connection refused, script died, a failing command) or
 * {@code HANGUP}. Thread-safe; no thread per call.
 */
public final class StandinAgiClient {
    private static final int MAX_COMMAND_LENGTH = 2048;
    private final AgiCommands commands;
    private final AtomicLong threadIds = new AtomicLong(139832667330240L);

    /** @param soundExists which sound files {@code STREAM FILE} finds */
    public StandinAgiClient(Predicate<String> soundExists) {
        this.commands = new AgiCommands(soundExists);
    }

    /** Every file exists except those whose name starts with {@code nosuch}. */
    public static StandinAgiClient withDefaultSounds() {
        return new StandinAgiClient(file -> !file.startsWith("nosuch"));
    }

    /** Runs {@code agi://host:port/script} for {@code call}; the future completes on the call's loop. */
    public CompletableFuture<String> run(SimCall call, String host, int port, String script) {
        return run(call, host, port, script, List.of());
    }

    /**
     * Runs {@code AGI(agi://host:port/script,arguments...)} for {@code call}; the arguments reach the script as
     * {@code agi_arg_N}. The future completes on the call's loop.
     */
    public CompletableFuture<String> run(SimCall call, String host, int port, String script, List<String> arguments) {
        CompletableFuture<String> status = new CompletableFuture<>();
        String env = AgiEnvironment.of(call, host, port, script, threadIds.getAndIncrement(), arguments);
        ChannelFuture connect = new Bootstrap().group(call.loop()).channel(NioSocketChannel.class)
                .option(ChannelOption.ALLOW_HALF_CLOSURE, true).option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 5000)
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast(new LineBasedFrameDecoder(MAX_COMMAND_LENGTH),
                                new StringDecoder(StandardCharsets.UTF_8), new AgiSession(call, env, commands, status));
                    }
                }).connect(host, port);
        connect.addListener(f -> {
            if (!f.isSuccess()) {
                status.complete("FAILURE");
            }
        });
        return status;
    }

    /** Runs the data of {@code AGI(agi://host:port/script,arguments...)}. */
    public CompletableFuture<String> run(SimCall call, String data) {
        AgiApplicationData agi = AgiApplicationData.parse(data);
        java.net.URI uri = java.net.URI.create(agi.url());
        return run(call, uri.getHost(), uri.getPort() < 0 ? 4573 : uri.getPort(), agi.script(), agi.arguments());
    }
}
