package org.hth.hotline.ops.simulate;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.hth.hotline.standin.call.SimCall;
import org.hth.hotline.standin.scenario.CallResult;
import org.hth.hotline.standin.scenario.Simulator;

/**
 * Prints, once a second, how many calls were placed, how many ended and how many are in progress. Runs on its own
 * daemon thread; {@link #start} and {@link #stop} are called by one thread.
 */
final class Progress {
    private final Simulator simulator;
    private final int total;
    private final PrintWriter out;
    private final long startedNanos = System.nanoTime();
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "simulate-progress");
        t.setDaemon(true);
        return t;
    });

    Progress(Simulator simulator, int total, PrintWriter out) {
        this.simulator = simulator;
        this.total = total;
        this.out = out;
    }

    void start() {
        ticker.scheduleAtFixedRate(this::print, 1, 1, TimeUnit.SECONDS);
    }

    void stop() {
        ticker.shutdownNow();
        print();
    }

    /** The results of the calls that ended so far. */
    List<CallResult> finished() {
        return simulator.calls().stream().filter(c -> c.done().isDone()).map(SimCall::done)
                .map(f -> f.getNow(null)).map(CallResult::of).toList();
    }

    private void print() {
        List<SimCall> placed = simulator.calls();
        long ended = placed.stream().filter(c -> c.done().isDone()).count();
        long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - startedNanos);
        synchronized (out) {
            out.printf("[%4d s] placed %d/%d, ended %d, in progress %d%n", seconds, placed.size(), total, ended,
                    placed.size() - ended);
            out.flush();
        }
    }
}
