package org.hth.hotline.core.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class TableWriterTest {

    @Test
    void cellsThatASpreadsheetWouldRunAsFormulasAreNeutralised() {
        for (String formula : List.of("=HYPERLINK(\"x\")", "+1", "-2+3", "@SUM(A1)", "\tcmd")) {
            assertThat(TableWriter.cell(formula)).as(formula).doesNotStartWith(formula.substring(0, 1))
                    .contains("'" + formula.substring(0, 1));
        }
        assertThat(TableWriter.cell("plain")).isEqualTo("plain");
        assertThat(TableWriter.cell(-5L)).isEqualTo("-5");
    }

    @Test
    void csvQuotesCommasQuotesAndNewlines() {
        Table table = new Table(List.of("a", "b"), List.of(Arrays.asList("x,y", "say \"hi\"\nthere"),
                Arrays.asList(null, 3)));
        assertThat(TableWriter.csv(table)).isEqualTo("a,b\r\n\"x,y\",\"say \"\"hi\"\"\nthere\"\r\n,3\r\n");
    }

    @Test
    void jsonIsAnArrayOfObjectsByColumn() {
        Table table = new Table(List.of("a", "n"), List.of(Arrays.asList("=x", 2)));
        assertThat(TableWriter.json(table)).isEqualTo("[{\"a\":\"=x\",\"n\":2}]");
    }
}
