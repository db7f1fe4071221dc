package org.hth.hotline.core.retention;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * What the coordinator sees of the retention job. Implementations answer from memory, without blocking, so
 * they may be called on an event loop; thread-safe.
 */
public interface RetentionStatus {

    /** How long personal data is kept. */
    Duration period();

    /** The last completed run, if any. */
    Optional<RetentionRun> lastRun();

    /** When the job runs next. */
    Instant nextRun();
}
