package org.hth.hotline.core.outbox;

/**
 * How many entries the outbox holds by state, for metrics and the health report.
 *
 * @param pending   waiting for delivery (including those under a lease)
 * @param dead      dead letters waiting for a replay
 * @param delivered delivered and kept for the delivery log
 */
public record OutboxDepth(long pending, long dead, long delivered) {
}
