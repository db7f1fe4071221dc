package org.hth.hotline.core.outbox;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One try at delivering an outbox entry, for the delivery log.
 *
 * @param entryId       the outbox entry
 * @param destinationId its destination
 * @param at            when the request was sent
 * @param statusCode    the HTTP status answered, if any
 * @param latencyMillis time to the answer or the failure
 * @param error         what went wrong (a timeout, a refused connection, a 5xx)
 */
public record DeliveryAttempt(String entryId, String destinationId, Instant at, OptionalInt statusCode,
                              long latencyMillis, Optional<String> error) {
    public DeliveryAttempt {
        Objects.requireNonNull(entryId, "entryId");
        Objects.requireNonNull(destinationId, "destinationId");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(statusCode, "statusCode");
        Objects.requireNonNull(error, "error");
    }
}
