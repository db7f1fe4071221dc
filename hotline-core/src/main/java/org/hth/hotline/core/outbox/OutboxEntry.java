package org.hth.hotline.core.outbox;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One message for one destination. Its id is the {@code webhook-id}: the same on every attempt, so the
 * receiver can de-duplicate.
 *
 * @param id            unique, sortable (ULID)
 * @param ticketId      the ticket it is about
 * @param destinationId the destination, e.g. {@code uor}, {@code uds-asl5}
 * @param eventType     e.g. {@code referral.created}
 * @param payload       the JSON {@code data} object, frozen when the entry was written
 * @param createdAt     when it was written
 * @param nextAttemptAt not to be attempted before this instant
 * @param attempts      attempts made so far
 * @param state         pending, delivered or dead
 * @param lastError     what went wrong on the last failed attempt
 */
public record OutboxEntry(String id, String ticketId, String destinationId, String eventType, String payload,
                          Instant createdAt, Instant nextAttemptAt, int attempts, OutboxState state,
                          Optional<String> lastError) {
    public OutboxEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(ticketId, "ticketId");
        Objects.requireNonNull(destinationId, "destinationId");
        Objects.requireNonNull(eventType, "eventType");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(nextAttemptAt, "nextAttemptAt");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(lastError, "lastError");
    }

    /** A new entry, due at once. */
    public static OutboxEntry pending(String id, String ticketId, String destinationId, String eventType,
                                      String payload, Instant now) {
        return new OutboxEntry(id, ticketId, destinationId, eventType, payload, now, now, 0, OutboxState.PENDING,
                Optional.empty());
    }
}
