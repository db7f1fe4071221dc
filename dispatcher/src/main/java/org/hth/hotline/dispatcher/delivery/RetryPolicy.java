package org.hth.hotline.dispatcher.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.random.RandomGenerator;

/**
 * Classifies answers and schedules retries: the delay before attempt {@code n} is drawn uniformly from
 * {@code [0, schedule[n]]} ("full jitter"), never shorter than a {@code Retry-After} (capped at the
 * longest step); after the last step the entry is dead. Thread-safe when the random generator is.
 */
public final class RetryPolicy {
    private final List<Duration> schedule;
    private final RandomGenerator random;
    private final Duration longest;

    public RetryPolicy(List<Duration> schedule, RandomGenerator random) {
        this.schedule = List.copyOf(schedule);
        this.random = random;
        this.longest = schedule.stream().max(Duration::compareTo).orElse(Duration.ZERO);
    }

    /** The verdict on an answer (a status code) or on a failure to get one ({@code error}). */
    public static Verdict classify(OptionalInt status, Optional<String> retryAfter, Optional<String> error, Clock clock) {
        if (status.isEmpty()) {
            return new Verdict.Retry(error.orElse("no answer"), Optional.empty());
        }
        int code = status.getAsInt();
        if (code >= 200 && code < 300) {
            return new Verdict.Delivered();
        }
        if (code >= 400 && code < 500 && code != 408 && code != 429) {
            return new Verdict.Permanent("HTTP " + code);
        }
        return new Verdict.Retry("HTTP " + code, retryAfter.flatMap(h -> parseRetryAfter(h, clock)));
    }

    /**
     * When the next attempt is due after {@code attemptsMade} failed attempts, or empty when that was
     * the last one.
     */
    public Optional<Instant> nextAttempt(int attemptsMade, Optional<Duration> retryAfter, Instant now) {
        if (attemptsMade >= schedule.size()) {
            return Optional.empty();
        }
        long capMillis = schedule.get(attemptsMade).toMillis();
        long delay = capMillis <= 0 ? 0 : random.nextLong(capMillis + 1);
        long floor = retryAfter.map(r -> Math.min(r.toMillis(), longest.toMillis())).orElse(0L);
        return Optional.of(now.plusMillis(Math.max(delay, floor)));
    }

    /** {@code Retry-After} as seconds or an HTTP date; empty when unreadable. */
    static Optional<Duration> parseRetryAfter(String header, Clock clock) {
        String value = header.trim();
        try {
            return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(value))));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                Duration wait = Duration.between(clock.instant(), at);
                return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
            } catch (DateTimeParseException notADate) {
                return Optional.empty();
            }
        }
    }
}
