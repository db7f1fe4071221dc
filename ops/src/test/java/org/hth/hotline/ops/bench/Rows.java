package org.hth.hotline.ops.bench;

import java.util.List;
import java.util.Optional;

/** Rows and a machine for the printer and JSON tests. */
final class Rows {
    static final Machine MACHINE = new Machine(2, "Test CPU", "Test VM 17", "Linux 6 amd64", 512);

    private Rows() {
    }

    static List<Row> sample() {
        return List.of(
                Row.of(Figure.compared("route", "connect->Dial p99", "ms", List.of(3.0, 2.0, 4.0),
                        new Figure.Baseline("bare script", List.of(1.5, 1.0, 2.0)), new Target.WithinOfBaseline(1.0),
                        "400 calls")),
                Row.of(Figure.measured("calllog", "sqlite page newest p99", "ms", List.of(4.2),
                        new Target.AtMost(100), "")),
                Row.of(Figure.unavailable("dispatch", "sqlite tickets/s", "tickets/s", Optional.of("WebClient"),
                        new Target.ShareOfBaselineAndFloor(0.4, 0), "not merged")));
    }
}
