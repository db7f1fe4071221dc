package org.hth.hotline.dispatcher.delivery;

import java.time.Duration;
import java.util.Optional;

/** What one attempt's answer means for the entry. */
public sealed interface Verdict {

    /** A 2xx: delivered. */
    record Delivered() implements Verdict { }

    /** A 4xx other than 408 and 429: the receiver refuses the message; retrying will not help. */
    record Permanent(String error) implements Verdict { }

    /** A 5xx, 408, 429, a timeout or a connection error: try again, not before {@code retryAfter}. */
    record Retry(String error, Optional<Duration> retryAfter) implements Verdict { }
}
