package org.hth.hotline.ops.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class StepBreakdownTest {

    @Test
    void groupsTheServersTimeByPositionAndVerbAndCountsCommandsPerCall() {
        List<AgiCall.Step> menu = List.of(new AgiCall.Step("EXEC MSet", 1_000_000),
                new AgiCall.Step("GET DATA", 2_000_000), new AgiCall.Step("EXEC Dial", 3_000_000));
        List<AgiCall.Step> repeat = List.of(new AgiCall.Step("EXEC MSet", 3_000_000),
                new AgiCall.Step("EXEC Dial", 500_000));

        StepBreakdown breakdown = StepBreakdown.of(List.of(menu, repeat, List.of()));

        assertThat(breakdown.commandsPerCall()).isEqualTo(2.5);
        assertThat(breakdown.describe()).isEqualTo("1. EXEC MSet 1.00/3.00 ms (2); 2. GET DATA 2.00/2.00 ms (1); "
                + "3. EXEC Dial 3.00/3.00 ms (1); 2. EXEC Dial 0.50/0.50 ms (1)");
    }
}
