package org.hth.hotline.core.call;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What the statistics need of the calls that started in whole UTC days, added up by the store as the calls are
 * saved, so that a year's figures are read without reading a year of records. Every count is of calls by their
 * start; a value the call lacks (no language, no territory, no operator) counts under {@value #NONE}; zero
 * counts are left out. The maps are sorted and unmodifiable. Immutable.
 *
 * @param perHour      calls per UTC hour, keyed by the hour's first instant
 * @param byOutcome    calls by {@link CallOutcome} name
 * @param byLanguage   calls by language code
 * @param byTerritory  calls by territory name
 * @param answerWaits  answered calls by their wait in whole seconds (a histogram)
 * @param abandonWaits abandoned calls by their wait in whole seconds
 * @param answeredBy   answered calls by the operator who took them
 * @param talkSeconds  the talk seconds of those calls, summed by operator
 */
public record CallRollup(SortedMap<Instant, Long> perHour, SortedMap<String, Long> byOutcome,
                         SortedMap<String, Long> byLanguage, SortedMap<String, Long> byTerritory,
                         SortedMap<Long, Long> answerWaits, SortedMap<Long, Long> abandonWaits,
                         SortedMap<String, Long> answeredBy, SortedMap<String, Long> talkSeconds) {
    /** The key of calls without the value counted. */
    public static final String NONE = "";

    public CallRollup {
        perHour = copy(perHour);
        byOutcome = copy(byOutcome);
        byLanguage = copy(byLanguage);
        byTerritory = copy(byTerritory);
        answerWaits = copy(answerWaits);
        abandonWaits = copy(abandonWaits);
        answeredBy = copy(answeredBy);
        talkSeconds = copy(talkSeconds);
    }

    /** Calls in the rollup. */
    public long calls() {
        return perHour.values().stream().mapToLong(Long::longValue).sum();
    }

    private static <K> SortedMap<K, Long> copy(Map<K, Long> counts) {
        TreeMap<K, Long> kept = new TreeMap<>();
        counts.forEach((key, n) -> {
            if (n != 0) {
                kept.put(key, n);
            }
        });
        return Collections.unmodifiableSortedMap(kept);
    }
}
