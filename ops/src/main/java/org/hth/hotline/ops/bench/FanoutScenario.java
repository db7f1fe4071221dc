package org.hth.hotline.ops.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code fanout}: one live event, published in-process on the running server, to {@value #CLIENTS} WebSocket
 * clients of {@code /api/events} (each a logged-in coordinator session, in the bench's own Vert.x instance):
 * the p99 over every client and event of publish to receipt, beside the same with one client connected.
 * Events go one at a time, the next once every client has the last. Target: p99 &lt;= 50 ms.
 */
final class FanoutScenario implements Scenario {
    static final int CLIENTS = 200;
    private static final String NAME = "fanout";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Figure> run(BenchSettings settings, Progress progress) throws Exception {
        int events = settings.quick() ? 100 : 300;
        List<Double> many = new ArrayList<>();
        List<Double> one = new ArrayList<>();
        try (HotlineUnderTest hotline = HotlineUnderTest.start(settings.workDir());
             FanoutClients clients = FanoutClients.on(hotline.server(), hotline.consolePort())) {
            progress.say(NAME, "connecting " + CLIENTS + " coordinator sessions; warm-up");
            clients.connect(CLIENTS);
            probes(clients, CLIENTS, events);
            for (int run = 1; run <= settings.runs(); run++) {
                progress.say(NAME, "run " + run + "/" + settings.runs() + ": " + events + " events to " + CLIENTS
                        + " clients, then to 1");
                clients.connect(CLIENTS);
                many.add(probes(clients, CLIENTS, events));
                clients.keep(1);
                one.add(probes(clients, 1, events));
            }
        }
        return List.of(Figure.compared(NAME, "event->" + CLIENTS + " clients p99", "ms", many,
                new Figure.Baseline("one client", one), new Target.AtMost(50),
                events + " events one at a time, p99 over every client's receipt; clients in their own Vert.x"));
    }

    /** The p99, in ms, of {@code events} probes to {@code clients} clients. */
    private static double probes(FanoutClients clients, int count, int events) throws Exception {
        long[] all = new long[count * events];
        for (int e = 0; e < events; e++) {
            System.arraycopy(clients.probe(count), 0, all, e * count, count);
        }
        return Percentiles.ofNanosAsMillis(all).at(99);
    }
}
