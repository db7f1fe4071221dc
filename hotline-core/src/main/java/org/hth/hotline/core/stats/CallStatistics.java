package org.hth.hotline.core.stats;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;

import org.hth.hotline.core.call.CallOutcome;
import org.hth.hotline.core.call.CallRecord;
import org.hth.hotline.core.call.CallRollup;
import org.hth.hotline.core.outbox.OutboxEntry;
import org.hth.hotline.core.referral.Ticket;

/**
 * Adds up the calls and tickets of one period into a {@link StatsReport}, from records (those outside the period are
 * ignored, so a caller may feed whole pages) or from a store's {@link CallRollup} of whole hours inside the period.
 * Waits are kept as histograms of whole seconds, so the percentiles are the same either way. Not thread-safe: one
 * per computation.
 */
public final class CallStatistics {
    private static final String[] WAIT_BANDS = {"0-9s", "10-29s", "30-59s", "60s+"};

    private final StatsPeriod period;
    private final ZoneId zone;
    private final Map<LocalDate, Long> perDay = new LinkedHashMap<>();
    private final long[][] perWeekHour = new long[7][24];
    private final Map<String, Long> byOutcome = new LinkedHashMap<>();
    private final Map<String, Long> byLanguage = new TreeMap<>();
    private final Map<String, Long> byTerritory = new TreeMap<>();
    private final Map<String, Long> abandonedWaits = new LinkedHashMap<>();
    private final Map<String, Long> byAccessChannel = new TreeMap<>();
    private final Map<String, Map<String, Long>> deliveries = new TreeMap<>();
    private final Map<String, OperatorFigures> operators = new TreeMap<>();
    private final TreeMap<Long, Long> answerWaits = new TreeMap<>();
    private final TreeMap<Long, Long> abandonWaits = new TreeMap<>();
    private long calls;
    private long tickets;

    public CallStatistics(StatsPeriod period, ZoneId zone) {
        this.period = period;
        this.zone = zone;
        LocalDate last = period.to().minusNanos(1).atZone(zone).toLocalDate();
        for (LocalDate d = period.from().atZone(zone).toLocalDate(); !d.isAfter(last); d = d.plusDays(1)) {
            perDay.put(d, 0L);
        }
        for (CallOutcome outcome : CallOutcome.values()) {
            byOutcome.put(outcome.name(), 0L);
        }
        for (String band : WAIT_BANDS) {
            abandonedWaits.put(band, 0L);
        }
    }

    /** Counts one call, when it started in the period. */
    public void add(CallRecord call) {
        if (!period.contains(call.startedAt())) {
            return;
        }
        countAt(call.startedAt(), 1);
        byOutcome.merge(call.outcome().name(), 1L, Long::sum);
        byLanguage.merge(call.language().orElse(StatsReport.UNKNOWN), 1L, Long::sum);
        byTerritory.merge(call.territory().map(Enum::name).orElse(StatsReport.UNKNOWN), 1L, Long::sum);
        if (call.outcome() == CallOutcome.ANSWERED) {
            answerWaits.merge(call.waitSeconds(), 1L, Long::sum);
            operators.merge(call.answeredBy().orElse(StatsReport.UNKNOWN), new OperatorFigures(1, call.talkSeconds()),
                    OperatorFigures::plus);
        } else if (call.outcome() == CallOutcome.ABANDONED) {
            abandonWaits.merge(call.waitSeconds(), 1L, Long::sum);
            abandonedWaits.merge(band(call.waitSeconds()), 1L, Long::sum);
        }
    }

    /**
     * Counts the calls of a rollup. Each of its hours must lie wholly inside the period and inside one local hour
     * of the zone (true of every hour when the zone's offsets are whole hours, as Europe/Rome's are).
     *
     * @throws IllegalArgumentException when an hour of the rollup starts outside the period
     */
    public void add(CallRollup rollup) {
        rollup.perHour().forEach((hour, n) -> {
            if (!period.contains(hour) || !period.contains(hour.plusSeconds(3599))) {
                throw new IllegalArgumentException("the rollup's hour " + hour + " is not inside the period");
            }
            countAt(hour, n);
        });
        rollup.byOutcome().forEach((outcome, n) -> byOutcome.merge(outcome, n, Long::sum));
        rollup.byLanguage().forEach((language, n) -> byLanguage.merge(known(language), n, Long::sum));
        rollup.byTerritory().forEach((territory, n) -> byTerritory.merge(known(territory), n, Long::sum));
        rollup.answerWaits().forEach((wait, n) -> answerWaits.merge(wait, n, Long::sum));
        rollup.abandonWaits().forEach((wait, n) -> {
            abandonWaits.merge(wait, n, Long::sum);
            abandonedWaits.merge(band(wait), n, Long::sum);
        });
        rollup.answeredBy().forEach((operator, n) -> operators.merge(known(operator),
                new OperatorFigures(n, rollup.talkSeconds().getOrDefault(operator, 0L)), OperatorFigures::plus));
    }

    private void countAt(Instant at, long n) {
        calls += n;
        ZonedDateTime local = at.atZone(zone);
        perDay.merge(local.toLocalDate(), n, Long::sum);
        perWeekHour[local.getDayOfWeek().getValue() - 1][local.getHour()] += n;
    }

    private static String known(String value) {
        return value.equals(CallRollup.NONE) ? StatsReport.UNKNOWN : value;
    }

    /** Counts one ticket and its outbox entries, when it was opened in the period. */
    public void add(Ticket ticket, List<OutboxEntry> entries) {
        if (!period.contains(ticket.createdAt())) {
            return;
        }
        tickets++;
        byAccessChannel.merge(ticket.accessChannel().name(), 1L, Long::sum);
        for (OutboxEntry entry : entries) {
            deliveries.computeIfAbsent(entry.destinationId(), d -> new TreeMap<>())
                    .merge(entry.state().name(), 1L, Long::sum);
        }
    }

    public StatsReport report() {
        List<List<Long>> grid = new ArrayList<>();
        for (long[] day : perWeekHour) {
            List<Long> row = new ArrayList<>();
            for (long n : day) {
                row.add(n);
            }
            grid.add(row);
        }
        OptionalLong maxWait = abandonWaits.isEmpty() ? OptionalLong.empty() : OptionalLong.of(abandonWaits.lastKey());
        return new StatsReport(period, zone, calls, total(answerWaits), Percentiles.ofCounts(answerWaits, 50),
                Percentiles.ofCounts(answerWaits, 90), total(abandonWaits), Percentiles.ofCounts(abandonWaits, 50),
                maxWait,
                new LinkedHashMap<>(abandonedWaits),
                new LinkedHashMap<>(perDay), grid, new LinkedHashMap<>(byOutcome), new TreeMap<>(byLanguage),
                new TreeMap<>(byTerritory), tickets, new TreeMap<>(byAccessChannel), new TreeMap<>(deliveries),
                new TreeMap<>(operators));
    }

    private static long total(Map<Long, Long> histogram) {
        return histogram.values().stream().mapToLong(Long::longValue).sum();
    }

    private static String band(long waitSeconds) {
        if (waitSeconds < 10) {
            return WAIT_BANDS[0];
        }
        if (waitSeconds < 30) {
            return WAIT_BANDS[1];
        }
        return waitSeconds < 60 ? WAIT_BANDS[2] : WAIT_BANDS[3];
    }
}
