package org.hth.hotline.dispatcher.delivery;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.hth.hotline.core.outbox.ClaimedEntry;

/**
 * Claimed entries waiting, under their lease, for a free worker of their destination: one queue per
 * destination, oldest claim first, at most {@code perDestination} in each. Not thread-safe: the delivery
 * verticle's event loop owns it.
 */
final class WaitingEntries {
    private final int perDestination;
    private final Map<String, ArrayDeque<ClaimedEntry>> byDestination = new LinkedHashMap<>();
    private int size;

    WaitingEntries(int perDestination) {
        this.perDestination = perDestination;
    }

    /** Queues the entry; false (and nothing queued) when its destination's queue is full. */
    boolean offer(ClaimedEntry claimed) {
        ArrayDeque<ClaimedEntry> queue = byDestination.computeIfAbsent(claimed.entry().destinationId(),
                id -> new ArrayDeque<>());
        if (queue.size() >= perDestination) {
            return false;
        }
        queue.add(claimed);
        size++;
        return true;
    }

    /** The destinations with an entry waiting, in the order they first had one. */
    Set<String> destinations() {
        return new LinkedHashSet<>(byDestination.keySet());
    }

    /** The oldest entry waiting for this destination, taken out of the queue. */
    Optional<ClaimedEntry> take(String destinationId) {
        ArrayDeque<ClaimedEntry> queue = byDestination.get(destinationId);
        if (queue == null) {
            return Optional.empty();
        }
        ClaimedEntry next = queue.poll();
        if (queue.isEmpty()) {
            byDestination.remove(destinationId);
        }
        if (next != null) {
            size--;
        }
        return Optional.ofNullable(next);
    }

    /** Every entry waiting for this destination, taken out. */
    List<ClaimedEntry> takeAll(String destinationId) {
        ArrayDeque<ClaimedEntry> queue = byDestination.remove(destinationId);
        if (queue == null) {
            return List.of();
        }
        size -= queue.size();
        return new ArrayList<>(queue);
    }

    /** Every entry waiting, taken out. */
    List<ClaimedEntry> drain() {
        List<ClaimedEntry> all = new ArrayList<>(size);
        byDestination.values().forEach(all::addAll);
        byDestination.clear();
        size = 0;
        return all;
    }

    int size() {
        return size;
    }
}
