package org.hth.hotline.dispatcher.delivery;

import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What one request brought back.
 *
 * @param at            when it was sent
 * @param status        the HTTP status, if an answer came
 * @param retryAfter    the {@code Retry-After} header, if any
 * @param latencyMillis time to the answer or the failure
 * @param error         why no answer came (timeout, refused, reset)
 */
public record Attempt(Instant at, OptionalInt status, Optional<String> retryAfter, long latencyMillis,
                      Optional<String> error) {
}
