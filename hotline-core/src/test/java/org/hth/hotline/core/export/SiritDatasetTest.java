package org.hth.hotline.core.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import org.hth.hotline.core.call.CallRecord;
import org.hth.hotline.core.referral.Territory;
import org.hth.hotline.core.testing.Fixtures;
import org.junit.jupiter.api.Test;

class SiritDatasetTest {
    private static final Instant T0 = Instant.parse("2026-03-10T10:00:00Z");

    @Test
    void countsBelowTheThresholdAreSuppressedAndNothingIdentifiesACaller() {
        SiritDataset sirit = new SiritDataset(ZoneId.of("Europe/Rome"), 5);
        for (int i = 0; i < 6; i++) {
            sirit.add(Fixtures.answeredCall("c" + i, T0.plusSeconds(i), "op-anna", "en", Territory.ASL5));
        }
        for (int i = 0; i < 2; i++) {
            sirit.add(Fixtures.answeredCall("d" + i, T0.plusSeconds(100 + i), "op-anna", "ar", Territory.ASL5));
        }
        sirit.add(Fixtures.ticket("01TICKET", T0));
        Table table = sirit.table();

        assertThat(table.rows()).contains(List.of("calls_by_language", "2026-03", "en", 6L, false));
        assertThat(table.rows()).contains(java.util.Arrays.asList("calls_by_language", "2026-03", "ar", null, true));
        assertThat(table.rows()).contains(List.of("calls_by_territory", "2026-03", "ASL5", 8L, false));
        assertThat(table.rows()).contains(java.util.Arrays.asList("tickets_by_territory", "2026-03", "ASL5", null,
                true));
        String csv = TableWriter.csv(table);
        CallRecord sample = Fixtures.answeredCall("c0", T0, "op-anna", "en", Territory.ASL5);
        assertThat(csv).doesNotContain(sample.callerPseudonym().orElseThrow()).doesNotContain("notes of")
                .doesNotContain("summary of").doesNotContain("op-anna").doesNotContain("01TICKET")
                .doesNotContain("c0");
    }
}
