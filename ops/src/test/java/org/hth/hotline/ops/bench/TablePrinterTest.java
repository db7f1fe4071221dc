package org.hth.hotline.ops.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class TablePrinterTest {
    private final String table = new TablePrinter().render(Rows.MACHINE, Rows.sample());
    private final List<String> lines = table.lines().toList();

    @Test
    void printsTheMachineFirst() {
        assertThat(lines.get(0)).isEqualTo("machine: 2 cores (Test CPU), Test VM 17, Linux 6 amd64, max heap 512 MB");
    }

    @Test
    void printsOneAlignedLinePerRowUnderTheHeader() {
        assertThat(lines.get(1)).startsWith("| scenario").contains("| baseline (min-max)").endsWith("| met |");
        assertThat(lines.get(2)).matches("\\|[-|]+\\|");
        List<String> body = lines.subList(3, 6);
        assertThat(body).allSatisfy(line -> assertThat(line).hasSameSizeAs(lines.get(1)));
        assertThat(body.get(0)).startsWith("| route ").contains("3 ms (2-4)").contains("1.50 ms (1-2)")
                .contains("2x").contains("<= baseline + 1 ms").endsWith("| NO  |");
        assertThat(body.get(1)).startsWith("| calllog ").contains("4.20 ms ").contains("<= 100 ms")
                .endsWith("| yes |");
        assertThat(body.get(2)).startsWith("| dispatch ").endsWith("| n/a |");
    }

    @Test
    void explainsBaselinesAndMissingFiguresUnderTheTable() {
        assertThat(table).contains("notes:\n")
                .contains("  route connect->Dial p99: baseline = bare script\n")
                .contains("  route connect->Dial p99: 400 calls\n")
                .contains("  dispatch sqlite tickets/s: not available in this build: not merged\n");
    }

    @Test
    void aFailedScenarioIsARowOfItsOwn() {
        String failed = new TablePrinter().render(Rows.MACHINE,
                List.of(Row.failed("ami", new IllegalStateException("no login"))));

        assertThat(failed).contains("| ami ").contains("| FAILED |")
                .contains("ami (scenario): IllegalStateException: no login");
    }
}
