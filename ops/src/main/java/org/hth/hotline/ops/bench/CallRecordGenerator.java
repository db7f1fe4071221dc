package org.hth.hotline.ops.bench;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;

import org.hth.hotline.core.call.CallCategory;
import org.hth.hotline.core.call.CallOutcome;
import org.hth.hotline.core.call.CallRecord;
import org.hth.hotline.core.call.RingAttempt;
import org.hth.hotline.core.call.RingResult;
import org.hth.hotline.core.referral.Territory;

/**
 * Call records for the call-log bench with a hotline's shape: spread evenly over the days of the year before
 * {@code end}, in the order they would arrive (record {@code i} falls on day {@code i × 365 / count}), more
 * calls in the evening and at night, mostly Italian then English, French, Romanian, Arabic…, about seven in
 * ten answered, five operators with uneven shares, Genova's territory the busiest, repeat callers. Record
 * {@code i} is always the same for the same seed (generated from {@code seed + i}), so several threads can
 * generate disjoint ranges. Thread-safe.
 */
public final class CallRecordGenerator {
    private static final int[] HOUR_WEIGHTS = {6, 5, 4, 3, 2, 2, 2, 3, 4, 5, 5, 5, 5, 5, 5, 5, 6, 6, 7, 8, 9, 9, 8, 7};
    private static final Choice<String> LANGUAGES = new Choice<>(
            List.of("it", "en", "fr", "ro", "ar", "es", "sq", "zh", "pcm"), new int[] {40, 20, 10, 8, 7, 5, 4, 3, 3});
    private static final Choice<CallOutcome> OUTCOMES = new Choice<>(
            List.of(CallOutcome.ANSWERED, CallOutcome.ABANDONED, CallOutcome.FALLBACK, CallOutcome.VOICEMAIL,
                    CallOutcome.FAILED), new int[] {70, 15, 8, 5, 2});
    private static final Choice<String> OPERATORS = new Choice<>(
            List.of("op-anna", "op-luca", "op-sara", "op-marta", "op-ivan"), new int[] {28, 22, 18, 17, 15});
    private static final Choice<Territory> TERRITORIES = new Choice<>(
            List.of(Territory.ASL3, Territory.ASL1, Territory.ASL5, Territory.ASL2, Territory.ASL4,
                    Territory.OUTSIDE_LIGURIA, Territory.UNKNOWN), new int[] {35, 15, 12, 12, 8, 8, 10});
    private static final int CALLERS = 50_000;

    private final long seed;
    private final Instant end;
    private final int count;

    /** {@code count} records ending at {@code end} (truncated to the second). */
    public CallRecordGenerator(long seed, Instant end, int count) {
        this.seed = seed;
        this.end = end.truncatedTo(ChronoUnit.SECONDS);
        this.count = count;
    }

    /** The first instant of the period the records cover: a year (365 days) before the end. */
    public Instant start() {
        return end.minus(Duration.ofDays(365));
    }

    public Instant end() {
        return end;
    }

    public int count() {
        return count;
    }

    /** The {@code i}-th record, 0 &lt;= i &lt; count. */
    public CallRecord record(int i) {
        SplittableRandom random = new SplittableRandom(seed * 1_000_003L + i);
        long day = (long) i * 365 / count; // in the order calls arrive: a batch of neighbours spans a day or two
        int hour = pickHour(random);
        Instant startedAt = start().plus(Duration.ofDays(day)).plus(Duration.ofHours(hour))
                .plusSeconds(random.nextInt(3600)).plusMillis(random.nextInt(1000));
        CallOutcome outcome = OUTCOMES.pick(random);
        long wait = 3 + random.nextInt(outcome == CallOutcome.ANSWERED ? 25 : 60);
        long talk = outcome == CallOutcome.ANSWERED ? 30 + random.nextInt(900) : 0;
        boolean withheld = random.nextInt(100) < 12;
        Optional<String> operator = outcome == CallOutcome.ANSWERED ? Optional.of(OPERATORS.pick(random))
                : Optional.empty();
        List<RingAttempt> attempts = operator.map(op -> List.of(new RingAttempt(op, "PJSIP/" + op, startedAt,
                RingResult.ANSWER, wait, 1))).orElse(List.of());
        Optional<Instant> answeredAt = operator.map(op -> startedAt.plusSeconds(wait));
        Instant endedAt = startedAt.plusSeconds(wait + talk);
        return new CallRecord(startedAt.getEpochSecond() + "." + i, "800290290",
                withheld ? Optional.empty() : Optional.of(pseudonym(random.nextInt(CALLERS))), withheld, startedAt,
                answeredAt, endedAt, wait, talk, Optional.of(LANGUAGES.pick(random)), attempts, operator, outcome,
                outcome == CallOutcome.FAILED ? "Temporary failure" : "Normal Clearing", "",
                outcome == CallOutcome.ANSWERED ? Optional.of(CallCategory.RELEVANT) : Optional.empty(), Set.of(),
                Optional.of(TERRITORIES.pick(random)), List.of());
    }

    private static int pickHour(SplittableRandom random) {
        int total = 0;
        for (int w : HOUR_WEIGHTS) {
            total += w;
        }
        int r = random.nextInt(total);
        for (int h = 0; h < HOUR_WEIGHTS.length; h++) {
            r -= HOUR_WEIGHTS[h];
            if (r < 0) {
                return h;
            }
        }
        return 23;
    }

    /** A stand-in pseudonym: 64 hex characters, as the HMAC-SHA-256 ones are. */
    private static String pseudonym(int caller) {
        SplittableRandom r = new SplittableRandom(caller);
        byte[] bytes = new byte[32];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) r.nextInt(256);
        }
        return HexFormat.of().formatHex(bytes);
    }

    /** A weighted choice among values. */
    private record Choice<T>(List<T> values, int[] weights) {
        T pick(SplittableRandom random) {
            int total = 0;
            for (int w : weights) {
                total += w;
            }
            int r = random.nextInt(total);
            for (int i = 0; i < weights.length; i++) {
                r -= weights[i];
                if (r < 0) {
                    return values.get(i);
                }
            }
            return values.get(values.size() - 1);
        }
    }
}
