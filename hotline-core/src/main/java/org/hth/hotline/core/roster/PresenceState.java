package org.hth.hotline.core.roster;

/** What an operator told the console, or what the call tracker knows. Only {@code AVAILABLE} is rung. */
public enum PresenceState {
    AVAILABLE,
    AWAY,
    ON_CALL,
    WRAP_UP
}
