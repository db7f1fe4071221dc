package org.hth.hotline.ops.bench;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.LineBasedFrameDecoder;
import io.netty.handler.codec.string.StringDecoder;

/**
 * The load generator of {@code route} and {@code memory}: a lean FastAGI client on Netty (one event loop of its
 * own, apart from the server's threads) that places calls at a fixed rate from a pacing scheduler, each one an
 * {@link AgiCall}. The stand-in's full call simulation (channels, dialplan, AMI events, prompt timings) is not
 * used here: its per-call work and simulated key-press delays would be measured along with the server. Not
 * thread-safe: one run at a time.
 */
final class AgiLoad implements AutoCloseable {
    /**
     * What a run gave.
     *
     * @param dialNanos     connect to first Dial of each call that got one
     * @param lost          calls that got no Dial (refused, closed, or not done by the deadline)
     * @param peakCalls     the most calls connected at once
     * @param dialCommand   the first Dial command line seen, or empty
     * @param steps         the server's time for each command up to the first Dial, of the calls that dialled
     */
    record Result(long[] dialNanos, int lost, int peakCalls, String dialCommand, StepBreakdown steps) {
        /** p-th percentile of connect to Dial in ms, or NaN when no call dialled. */
        double millisAt(double p) {
            return dialNanos.length == 0 ? Double.NaN : Percentiles.ofNanosAsMillis(dialNanos).at(p);
        }
    }

    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final ScheduledExecutorService pacer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "bench-agi-pacer");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicLong sequence = new AtomicLong();

    /** Places {@code calls} calls at {@code rate} per second; each holds its Dial for {@code hold}. */
    Result run(int port, int calls, int rate, Duration hold) throws InterruptedException {
        List<CompletableFuture<AgiCall.Outcome>> outcomes = new ArrayList<>(calls);
        AtomicInteger connected = new AtomicInteger();
        AtomicInteger peak = new AtomicInteger();
        CountDownLatch placed = new CountDownLatch(calls);
        Bootstrap bootstrap = new Bootstrap().group(group).channel(NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true);
        ScheduledFuture<?> ticker = pacer.scheduleAtFixedRate(() -> {
            if (placed.getCount() == 0) {
                return;
            }
            CompletableFuture<AgiCall.Outcome> outcome = place(bootstrap, port, hold, connected, peak);
            synchronized (outcomes) {
                outcomes.add(outcome);
            }
            placed.countDown();
        }, 0, 1_000_000_000L / rate, TimeUnit.NANOSECONDS);
        placed.await();
        ticker.cancel(false);
        List<CompletableFuture<AgiCall.Outcome>> all;
        synchronized (outcomes) {
            all = List.copyOf(outcomes);
        }
        try {
            CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get(hold.toSeconds() + 60, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            // counted below: a call not done by now is lost
        }
        return summarise(all, peak.get());
    }

    private CompletableFuture<AgiCall.Outcome> place(Bootstrap bootstrap, int port, Duration hold,
                                                     AtomicInteger connected, AtomicInteger peak) {
        long n = sequence.incrementAndGet();
        String uniqueId = "1800000000." + n;
        String caller = String.format(Locale.ROOT, "3%09d", (n * 7_919L) % 1_000_000_000L);
        AgiCall call = new AgiCall(System.nanoTime(), uniqueId, caller, hold,
                () -> peak.accumulateAndGet(connected.incrementAndGet(), Math::max));
        call.done().whenComplete((outcome, error) -> {
            if (outcome != null && outcome.dialNanos() >= 0) {
                connected.decrementAndGet();
            }
        });
        bootstrap.clone().handler(new ChannelInitializer<SocketChannel>() {
            @Override
            protected void initChannel(SocketChannel channel) {
                channel.pipeline().addLast(new LineBasedFrameDecoder(16 * 1024),
                        new StringDecoder(StandardCharsets.UTF_8), call);
            }
        }).connect("127.0.0.1", port).addListener(future -> {
            if (!future.isSuccess()) {
                call.failed();
            }
        });
        return call.done();
    }

    private static Result summarise(List<CompletableFuture<AgiCall.Outcome>> all, int peak) {
        long[] dials = new long[all.size()];
        int dialled = 0;
        String command = "";
        List<List<AgiCall.Step>> steps = new ArrayList<>();
        for (CompletableFuture<AgiCall.Outcome> future : all) {
            AgiCall.Outcome outcome = future.getNow(null);
            if (outcome != null && outcome.dialNanos() >= 0) {
                dials[dialled++] = outcome.dialNanos();
                steps.add(outcome.steps());
                if (command.isEmpty()) {
                    command = outcome.dialCommand();
                }
            }
        }
        return new Result(java.util.Arrays.copyOf(dials, dialled), all.size() - dialled, peak, command,
                StepBreakdown.of(steps));
    }

    @Override
    public void close() {
        pacer.shutdownNow();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
