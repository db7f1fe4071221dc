package org.hth.hotline.core.stats;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;

import org.hth.hotline.core.call.CallOutcome;
import org.hth.hotline.core.call.CallRecord;
import org.hth.hotline.core.outbox.OutboxEntry;
import org.hth.hotline.core.referral.Ticket;

/**
 * Adds up the calls and tickets of one period into a {@link StatsReport}. Records outside the period are
 * ignored, so a caller may feed whole pages. Not thread-safe: one per computation.
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
    private final List<Long> answerWaits = new ArrayList<>();
    private final List<Long> abandonWaits = new ArrayList<>();
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
        calls++;
        ZonedDateTime local = call.startedAt().atZone(zone);
        perDay.merge(local.toLocalDate(), 1L, Long::sum);
        perWeekHour[local.getDayOfWeek().getValue() - 1][local.getHour()]++;
        byOutcome.merge(call.outcome().name(), 1L, Long::sum);
        byLanguage.merge(call.language().orElse(StatsReport.UNKNOWN), 1L, Long::sum);
        byTerritory.merge(call.territory().map(Enum::name).orElse(StatsReport.UNKNOWN), 1L, Long::sum);
        if (call.outcome() == CallOutcome.ANSWERED) {
            answerWaits.add(call.waitSeconds());
            operators.merge(call.answeredBy().orElse(StatsReport.UNKNOWN), new OperatorFigures(1, call.talkSeconds()),
                    (a, b) -> a.plus(call.talkSeconds()));
        } else if (call.outcome() == CallOutcome.ABANDONED) {
            abandonWaits.add(call.waitSeconds());
            abandonedWaits.merge(band(call.waitSeconds()), 1L, Long::sum);
        }
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
        long[] answerArray = answerWaits.stream().mapToLong(Long::longValue).toArray();
        long[] abandonArray = abandonWaits.stream().mapToLong(Long::longValue).toArray();
        List<List<Long>> grid = new ArrayList<>();
        for (long[] day : perWeekHour) {
            List<Long> row = new ArrayList<>();
            for (long n : day) {
                row.add(n);
            }
            grid.add(row);
        }
        OptionalLong maxWait = abandonWaits.isEmpty() ? OptionalLong.empty()
                : OptionalLong.of(Collections.max(abandonWaits));
        return new StatsReport(period, zone, calls, answerArray.length, Percentiles.of(answerArray, 50),
                Percentiles.of(answerArray, 90), abandonArray.length, Percentiles.of(abandonArray, 50), maxWait,
                new LinkedHashMap<>(abandonedWaits),
                new LinkedHashMap<>(perDay), grid, new LinkedHashMap<>(byOutcome), new TreeMap<>(byLanguage),
                new TreeMap<>(byTerritory), tickets, new TreeMap<>(byAccessChannel), new TreeMap<>(deliveries),
                new TreeMap<>(operators));
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
