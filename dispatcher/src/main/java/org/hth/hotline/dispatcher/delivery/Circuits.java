package org.hth.hotline.dispatcher.delivery;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.hth.hotline.core.destination.DeliveryPolicy;

/** One {@link CircuitBreaker} per destination, made on first use. Thread-safe. */
public final class Circuits {
    private final DeliveryPolicy policy;
    private final Map<String, CircuitBreaker> byDestination = new ConcurrentHashMap<>();

    public Circuits(DeliveryPolicy policy) {
        this.policy = policy;
    }

    public CircuitBreaker of(String destinationId) {
        return byDestination.computeIfAbsent(destinationId,
                id -> new CircuitBreaker(policy.circuitFailures(), policy.circuitOpenFor()));
    }
}
