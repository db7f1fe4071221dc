package org.hth.hotline.core.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.hth.hotline.core.call.CallRecord;
import org.hth.hotline.core.referral.Territory;
import org.hth.hotline.core.testing.Fixtures;
import org.junit.jupiter.api.Test;

class SiritDatasetTest {
    private static final Instant T0 = Instant.parse("2026-03-10T10:00:00Z");
    private static final List<String> CALL_TABLES = List.of("calls_by_outcome", "calls_by_language",
            "calls_by_territory");

    private final SiritDataset sirit = new SiritDataset(ZoneId.of("Europe/Rome"), 5);
    private int serial;

    @Test
    void countsBelowTheThresholdAreSuppressedAndNothingIdentifiesACaller() {
        calls(6, "en", Territory.ASL5);
        calls(2, "ar", Territory.ASL5);
        sirit.add(Fixtures.ticket("01TICKET", T0));
        Table table = sirit.table();

        assertThat(table.rows()).contains(row("calls_by_language", "ar", null));
        assertThat(table.rows()).contains(row("calls_by_territory", "ASL5", 8L));
        assertThat(table.rows()).contains(row("tickets_by_territory", "ASL5", null));
        String csv = TableWriter.csv(table);
        CallRecord sample = Fixtures.answeredCall("c0", T0, "op-anna", "en", Territory.ASL5);
        assertThat(csv).doesNotContain(sample.callerPseudonym().orElseThrow()).doesNotContain("notes of")
                .doesNotContain("summary of").doesNotContain("op-anna").doesNotContain("01TICKET")
                .doesNotContain("c0");
    }

    @Test
    void aSuppressedCountThatTheMonthsTotalWouldGiveAwayIsCoveredByItsGroupsSmallestOther() {
        // 8 calls in the month, published by territory and by outcome; by language en 6 and ar 2. With primary
        // suppression alone ar could be read back as 8 - 6 = 2: en must go too.
        calls(6, "en", Territory.ASL5);
        calls(2, "ar", Territory.ASL5);
        Table table = sirit.table();

        assertThat(table.rows()).contains(row("calls_by_territory", "ASL5", 8L), row("calls_by_outcome", "ANSWERED", 8L),
                row("calls_by_language", "ar", null), row("calls_by_language", "en", null));
        assertThat(recoverable(table)).isEmpty();
    }

    @Test
    void theComplementIsTheSmallestPublishedCountAndTheRestStaysPublished() {
        calls(3, "ar", Territory.ASL1);
        calls(20, "it", Territory.ASL1);
        calls(7, "fr", Territory.ASL1);
        calls(9, "en", Territory.ASL1);
        Table table = sirit.table();

        assertThat(table.rows()).contains(row("calls_by_language", "ar", null), row("calls_by_language", "fr", null),
                row("calls_by_language", "en", 9L), row("calls_by_language", "it", 20L),
                row("calls_by_territory", "ASL1", 39L));
        assertThat(recoverable(table)).isEmpty();
    }

    @Test
    void equalCandidatesAreBrokenByValueSoTheExportIsTheSameEveryTime() {
        calls(1, "ar", Territory.ASL1);
        calls(7, "fr", Territory.ASL1);
        calls(7, "en", Territory.ASL1);
        Table table = sirit.table();

        assertThat(table.rows()).contains(row("calls_by_language", "en", null), row("calls_by_language", "fr", 7L));
        assertThat(recoverable(table)).isEmpty();
    }

    @Test
    void aGroupWithTwoSmallCountsNeedsNoComplement() {
        calls(2, "ar", Territory.ASL2);
        calls(3, "fr", Territory.ASL2);
        calls(10, "it", Territory.ASL2);
        Table table = sirit.table();

        assertThat(table.rows()).contains(row("calls_by_language", "ar", null), row("calls_by_language", "fr", null),
                row("calls_by_language", "it", 10L), row("calls_by_territory", "ASL2", 15L));
        assertThat(recoverable(table)).isEmpty();
    }

    @Test
    void everyGroupIsProtectedOnItsOwnAcrossTablesAndMonths() {
        // March: language has one small count, territory another; April: only territory does.
        calls(12, "it", Territory.ASL1);
        calls(2, "ar", Territory.ASL1);
        calls(1, "it", Territory.ASL4);
        Instant april = Instant.parse("2026-04-15T10:00:00Z");
        for (int i = 0; i < 9; i++) {
            sirit.add(Fixtures.answeredCall("a" + i, april, "op-anna", "it", i < 4 ? Territory.ASL3
                    : Territory.ASL5));
        }
        Table table = sirit.table();

        assertThat(table.rows()).contains(row("calls_by_language", "ar", null), row("calls_by_language", "it", null),
                row("calls_by_territory", "ASL4", null), row("calls_by_territory", "ASL1", null),
                row("calls_by_outcome", "ANSWERED", 15L), row("2026-04", "calls_by_territory", "ASL3", null),
                row("2026-04", "calls_by_territory", "ASL5", null), row("2026-04", "calls_by_language", "it", 9L));
        assertThat(recoverable(table)).isEmpty();
    }

    @Test
    void aMonthWithFewerCallsThanTheThresholdIsWhollySuppressedAndItsTotalUnknown() {
        calls(3, "it", Territory.ASL1);
        Table table = sirit.table();

        assertThat(table.rows()).hasSize(3).allSatisfy(r -> assertThat(r.get(4)).isEqualTo(true));
        assertThat(recoverable(table)).isEmpty();
    }

    @Test
    void theAttackerInThisTestDoesRecoverWhatPrimarySuppressionAloneLeaves() {
        // The same table as above with en published, as before complementary suppression: the check is not vacuous.
        List<List<Object>> primaryOnly = List.of(row("calls_by_outcome", "ANSWERED", 8L),
                row("calls_by_territory", "ASL5", 8L), row("calls_by_language", "ar", null),
                row("calls_by_language", "en", 6L));

        assertThat(recoverable(new Table(SiritDataset.COLUMNS, primaryOnly)))
                .containsExactly(Map.entry("calls_by_language\t2026-03\tar", 2L));
    }

    private void calls(int n, String language, Territory territory) {
        for (int i = 0; i < n; i++) {
            serial++;
            sirit.add(Fixtures.answeredCall("c" + serial, T0.plusSeconds(serial), "op-anna", language, territory));
        }
    }

    private static List<Object> row(String table, String value, Long count) {
        return row("2026-03", table, value, count);
    }

    private static List<Object> row(String month, String table, String value, Long count) {
        return Arrays.asList(table, month, value, count, count == null);
    }

    /**
     * What a reader can work out from the published call tables: a month's calls from any table published in full,
     * then any table of that month with exactly one hidden count, as the total minus the others.
     */
    private static Map<String, Long> recoverable(Table table) {
        Map<String, List<List<Object>>> groups = table.rows().stream()
                .filter(r -> CALL_TABLES.contains((String) r.get(0)))
                .collect(Collectors.groupingBy(r -> r.get(0) + "\t" + r.get(1)));
        Map<String, Long> totals = new HashMap<>();
        groups.values().forEach(rows -> {
            if (rows.stream().noneMatch(r -> r.get(3) == null)) {
                totals.put((String) rows.get(0).get(1), rows.stream().mapToLong(r -> (Long) r.get(3)).sum());
            }
        });
        Map<String, Long> recovered = new HashMap<>();
        groups.values().forEach(rows -> {
            List<List<Object>> hidden = rows.stream().filter(r -> r.get(3) == null).toList();
            Optional<Long> total = Optional.ofNullable(totals.get((String) rows.get(0).get(1)));
            if (hidden.size() == 1 && total.isPresent()) {
                long others = rows.stream().filter(r -> r.get(3) != null).mapToLong(r -> (Long) r.get(3)).sum();
                List<Object> h = hidden.get(0);
                recovered.put(h.get(0) + "\t" + h.get(1) + "\t" + h.get(2), total.get() - others);
            }
        });
        return recovered;
    }
}
