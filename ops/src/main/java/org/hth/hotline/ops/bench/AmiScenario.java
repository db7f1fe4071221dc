package org.hth.hotline.ops.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;

/**
 * {@code ami}: AMI events per second processed by the hotline's call tracker, read from a socket, beside
 * Asterisk-Java's {@code ManagerConnection} with a listener that does nothing. A bench AMI server (its own event
 * loop; see {@link BenchAmiServer} for why not the stand-in's) writes the same stream, encoded once by the
 * stand-in's encoder, to each in turn, as fast as the consumer takes it (at most {@value #WINDOW} calls ahead). Target: &gt;= 70 % of the baseline and &gt;= 50,000 events/s.
 */
final class AmiScenario implements Scenario {
    private static final String NAME = "ami";
    private static final int WINDOW = 100;
    private static final int CALLS_PER_CHUNK = 10;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Figure> run(BenchSettings settings, Progress progress) throws Exception {
        int calls = settings.quick() ? 1_000 : 3_000;
        List<Double> tracker = new ArrayList<>();
        List<Double> baseline = new ArrayList<>();
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        long events = 0;
        try (BenchAmiServer server = new BenchAmiServer(group)) {
            progress.say(NAME, "warm-up");
            SyntheticAmiStream warm = SyntheticAmiStream.build(0, 500, CALLS_PER_CHUNK);
            pass(server, TrackerConsumer::new, warm);
            pass(server, BareManagerConsumer::new, warm);
            for (int run = 1; run <= settings.runs(); run++) {
                SyntheticAmiStream stream = SyntheticAmiStream.build(run * 1_000_000, calls, CALLS_PER_CHUNK);
                events = stream.events();
                boolean trackerFirst = run % 2 == 1;
                for (int leg = 0; leg < 2; leg++) {
                    boolean isTracker = trackerFirst == (leg == 0);
                    progress.say(NAME, "run " + run + "/" + settings.runs() + ", "
                            + (isTracker ? "call tracker" : "baseline") + ": " + stream.events() + " events");
                    double rate = pass(server, isTracker ? TrackerConsumer::new : BareManagerConsumer::new, stream);
                    (isTracker ? tracker : baseline).add(rate);
                }
            }
        } finally {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        }
        return List.of(Figure.compared(NAME, "events/s through the call tracker", "events/s", tracker,
                new Figure.Baseline("Asterisk-Java ManagerConnection, listener doing nothing, same stream", baseline),
                new Target.ShareOfBaselineAndFloor(0.70, 50_000),
                String.format(java.util.Locale.ROOT, "%,d events per run (%,d calls of recording 01, fresh ids);"
                        + " tracker store counts records, keeps none; settle delay 20 ms", events, calls)));
    }

    /** Streams every call to a fresh consumer; events per second from the first byte to the last call done. */
    private static double pass(BenchAmiServer server, Supplier<AmiConsumer> consumers, SyntheticAmiStream stream)
            throws Exception {
        try (AmiConsumer consumer = consumers.get()) {
            consumer.connect(server.port());
            Await.until("one AMI client logged in", () -> server.loggedInClients() == 1, Duration.ofSeconds(10));
            Semaphore window = new Semaphore(WINDOW);
            StreamCompletion completion = new StreamCompletion(stream.calls(), window);
            consumer.expect(completion, stream.eventsPerCall());
            long start = System.nanoTime();
            int remaining = stream.calls();
            for (byte[] chunk : stream.chunks()) {
                int callsInChunk = Math.min(stream.callsPerChunk(), remaining);
                window.acquire(callsInChunk);
                server.inject(chunk);
                remaining -= callsInChunk;
            }
            long end = completion.finished().get(120, TimeUnit.SECONDS);
            return stream.events() / ((end - start) / 1e9);
        } finally {
            Await.until("the AMI client gone", () -> server.loggedInClients() == 0, Duration.ofSeconds(10));
        }
    }
}
