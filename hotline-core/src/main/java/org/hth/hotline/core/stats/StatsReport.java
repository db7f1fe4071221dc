package org.hth.hotline.core.stats;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * The statistics of a period. Calls count by their start; days and hours are local to {@code zone}; maps are
 * sorted by key and a missing value (no language, no territory) counts under {@value #UNKNOWN}. Immutable.
 *
 * @param period                the period
 * @param zone                  the time zone of days and hours
 * @param calls                 calls that started in the period
 * @param answered              of which answered
 * @param medianTimeToAnswer    nearest-rank median of the answered calls' waits, seconds
 * @param p90TimeToAnswer       nearest-rank 90th percentile of the same
 * @param abandoned             calls whose caller hung up before an answer
 * @param abandonedMedianWait   nearest-rank median wait of the abandoned calls, seconds
 * @param abandonedMaxWait      longest wait of an abandoned call, seconds
 * @param abandonedWaits        abandoned calls by wait band ({@code 0-9s}, {@code 10-29s}, {@code 30-59s},
 *                              {@code 60s+})
 * @param perDay                calls per local day, every day of the period (zeros included)
 * @param perWeekHour           calls by local weekday (0 = Monday) and hour (0-23): 7 rows of 24
 * @param byOutcome             calls by outcome (every outcome present, zeros included)
 * @param byLanguage            calls by language code
 * @param byTerritory           calls by territory
 * @param tickets               tickets opened in the period
 * @param byAccessChannel       those tickets by access channel
 * @param deliveries            their outbox entries by destination, then by state
 * @param operators             figures per operator who answered a call
 */
public record StatsReport(StatsPeriod period, ZoneId zone, long calls, long answered,
                          OptionalLong medianTimeToAnswer, OptionalLong p90TimeToAnswer, long abandoned,
                          OptionalLong abandonedMedianWait, OptionalLong abandonedMaxWait,
                          Map<String, Long> abandonedWaits, Map<LocalDate, Long> perDay,
                          List<List<Long>> perWeekHour, Map<String, Long> byOutcome, Map<String, Long> byLanguage,
                          Map<String, Long> byTerritory, long tickets, Map<String, Long> byAccessChannel,
                          Map<String, Map<String, Long>> deliveries, Map<String, OperatorFigures> operators) {
    /** The key for calls without the value counted. */
    public static final String UNKNOWN = "unknown";

    public StatsReport {
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(zone, "zone");
        perWeekHour = perWeekHour.stream().map(List::copyOf).toList();
    }

    /** Answered calls over all calls, 0 when there was no call. */
    public double answerRate() {
        return calls == 0 ? 0 : (double) answered / calls;
    }
}
