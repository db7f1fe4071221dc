package org.hth.hotline.dispatcher.delivery;

import java.time.Instant;

import org.hth.hotline.core.outbox.ClaimedEntry;

/** What the delivery verticle hands to {@link Settlement} for one claimed entry. */
public sealed interface Outcome {

    ClaimedEntry claimed();

    /** A request went out; {@code verdict} says what its answer means. */
    record Sent(ClaimedEntry claimed, Attempt attempt, Verdict verdict) implements Outcome { }

    /** Not attempted now (circuit open, destination not configured yet, too many waiting): due again at {@code until}. */
    record Postponed(ClaimedEntry claimed, Instant until) implements Outcome { }

    /** Cannot be attempted at all: its destination is unknown or disabled. */
    record Abandoned(ClaimedEntry claimed, String why) implements Outcome { }
}
