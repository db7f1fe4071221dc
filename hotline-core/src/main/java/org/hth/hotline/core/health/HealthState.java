package org.hth.hotline.core.health;

/** The state of one part of the server, or of the whole. */
public enum HealthState {
    /** Working. */
    UP,
    /** Not working, or not connected yet. */
    DOWN,
    /** Switched off or not configured on purpose. */
    DISABLED,
    /** The whole server serves, but a part that is not critical is down. Only for the overall state. */
    DEGRADED
}
