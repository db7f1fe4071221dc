package org.hth.hotline.core.destination;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How the dispatcher treats every destination ({@code delivery:} in {@code destinations.yaml}).
 *
 * @param schedule        the delay before each attempt, the first usually zero; after the last one fails the
 *                        entry is a dead letter (default 0 s, 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h)
 * @param connectTimeout  to open a connection (default 5 s)
 * @param totalTimeout    for the whole exchange (default 15 s)
 * @param circuitFailures consecutive failures that open a destination's circuit (default 5)
 * @param circuitOpenFor  how long an open circuit waits before one trial request (default 30 s)
 * @param alertAfter      a destination failing for longer than this raises a lasting alert (default 15 min)
 */
public record DeliveryPolicy(List<Duration> schedule, Duration connectTimeout, Duration totalTimeout,
                             int circuitFailures, Duration circuitOpenFor, Duration alertAfter) {
    public DeliveryPolicy {
        schedule = List.copyOf(schedule);
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(totalTimeout, "totalTimeout");
        Objects.requireNonNull(circuitOpenFor, "circuitOpenFor");
        Objects.requireNonNull(alertAfter, "alertAfter");
        if (schedule.isEmpty() || circuitFailures < 1) {
            throw new IllegalArgumentException("a delivery policy needs a schedule and a positive failure count");
        }
    }

    public static DeliveryPolicy defaults() {
        return new DeliveryPolicy(List.of(Duration.ZERO, Duration.ofSeconds(5), Duration.ofMinutes(5),
                Duration.ofMinutes(30), Duration.ofHours(2), Duration.ofHours(5), Duration.ofHours(10),
                Duration.ofHours(10)), Duration.ofSeconds(5), Duration.ofSeconds(15), 5, Duration.ofSeconds(30),
                Duration.ofMinutes(15));
    }
}
