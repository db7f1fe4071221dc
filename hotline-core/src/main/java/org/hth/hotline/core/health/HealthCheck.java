package org.hth.hotline.core.health;

/**
 * One part of the server that can say whether it works. Checks may block briefly (a store ping): call
 * them from a worker thread. Implementations are thread-safe.
 */
public interface HealthCheck {

    /** A short stable name: {@code store}, {@code pbx}, {@code dispatcher}. */
    String name();

    /** Whether the server is unready when this part is down. */
    boolean critical();

    /** The part's state now. Never throws: a failure is reported as {@link HealthState#DOWN}. */
    ComponentHealth check();
}
