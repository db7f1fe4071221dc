package org.hth.hotline.core.store.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import org.hth.hotline.core.call.CallOutcome;
import org.hth.hotline.core.call.CallRecord;
import org.hth.hotline.core.call.CallRollup;

/**
 * The call rollup as both adapters keep it: per UTC day (its epoch day number), counters named
 * {@code <kind>:<value>}: {@code hour:<0-23>}, {@code outcome:<OUTCOME>}, {@code language:<code>},
 * {@code territory:<T>}, {@code answer:<wait s>} and {@code abandon:<wait s>} (histograms), {@code operator:<id>}
 * (answered calls) and {@code talk:<id>} (their talk seconds); a missing value is the empty string. A record adds
 * its {@link #of contribution} when saved and takes it back when replaced. The SQLite migration
 * {@code V3__call_rollup.sql} builds the same counters from existing rows. Stateless.
 */
public final class CallRollupFields {
    private static final long DAY_MS = Duration.ofDays(1).toMillis();
    private static final long HOUR_MS = Duration.ofHours(1).toMillis();

    private CallRollupFields() {
    }

    /** The UTC epoch day a call counts in. */
    public static long day(CallRecord call) {
        return Math.floorDiv(call.startedAt().toEpochMilli(), DAY_MS);
    }

    /** The counters one record adds to its day, each with its amount (1, or the talk seconds). */
    public static Map<String, Long> of(CallRecord call) {
        Map<String, Long> fields = new LinkedHashMap<>();
        fields.put("hour:" + Math.floorMod(Math.floorDiv(call.startedAt().toEpochMilli(), HOUR_MS), 24L), 1L);
        fields.put("outcome:" + call.outcome().name(), 1L);
        fields.put("language:" + call.language().orElse(CallRollup.NONE), 1L);
        fields.put("territory:" + call.territory().map(Enum::name).orElse(CallRollup.NONE), 1L);
        if (call.outcome() == CallOutcome.ANSWERED) {
            String operator = call.answeredBy().orElse(CallRollup.NONE);
            fields.put("answer:" + call.waitSeconds(), 1L);
            fields.put("operator:" + operator, 1L);
            fields.put("talk:" + operator, call.talkSeconds());
        } else if (call.outcome() == CallOutcome.ABANDONED) {
            fields.put("abandon:" + call.waitSeconds(), 1L);
        }
        return fields;
    }

    /**
     * Adds {@code sign} times the contribution of {@code call} to {@code deltas} (day, then counter, in order
     * when {@code deltas} is sorted), so that a batch is written as one change per counter.
     */
    public static void add(Map<Long, Map<String, Long>> deltas, CallRecord call, int sign) {
        Map<String, Long> day = deltas.computeIfAbsent(day(call), d -> new TreeMap<>());
        of(call).forEach((field, n) -> day.merge(field, sign * n, Long::sum));
    }

    /** Adds up counters read from the store, one day at a time, into a rollup. */
    public static final class Reader {
        private final TreeMap<Instant, Long> perHour = new TreeMap<>();
        private final Map<String, Map<String, Long>> byKind = new LinkedHashMap<>();

        /** Adds one counter of one epoch day. */
        public void add(long epochDay, String field, long n) {
            int colon = field.indexOf(':');
            if (colon < 0 || n == 0) {
                return;
            }
            String kind = field.substring(0, colon);
            String value = field.substring(colon + 1);
            if (kind.equals("hour")) {
                Instant hour = LocalDate.ofEpochDay(epochDay).atStartOfDay(ZoneOffset.UTC).toInstant()
                        .plus(Duration.ofHours(Integer.parseInt(value)));
                perHour.merge(hour, n, Long::sum);
            } else {
                byKind.computeIfAbsent(kind, k -> new TreeMap<>()).merge(value, n, Long::sum);
            }
        }

        public CallRollup rollup() {
            return new CallRollup(perHour, kind("outcome"), kind("language"), kind("territory"), seconds("answer"),
                    seconds("abandon"), kind("operator"), kind("talk"));
        }

        private TreeMap<String, Long> kind(String kind) {
            return new TreeMap<>(byKind.getOrDefault(kind, Map.of()));
        }

        private TreeMap<Long, Long> seconds(String kind) {
            TreeMap<Long, Long> histogram = new TreeMap<>();
            byKind.getOrDefault(kind, Map.of()).forEach((wait, n) -> histogram.merge(Long.parseLong(wait), n,
                    Long::sum));
            return histogram;
        }
    }
}
