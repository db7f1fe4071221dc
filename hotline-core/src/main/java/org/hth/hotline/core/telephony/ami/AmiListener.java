package org.hth.hotline.core.telephony.ami;

import org.asteriskjava.manager.ManagerConnection;
import org.asteriskjava.manager.event.ManagerEvent;

/** What the {@link AmiConnection} tells its user. Implementations say how they hand work to their own thread. */
public interface AmiListener {

    /**
     * One event from Asterisk (not the connect/disconnect pseudo-events), on Asterisk-Java's event thread. Must
     * return quickly: Asterisk-Java logs a slow listener's event in full, caller-ID fields included.
     */
    void onEvent(ManagerEvent event);

    /** After each successful login, on the supervisor thread; may send actions on {@code connection}. */
    default void onConnected(ManagerConnection connection) {
    }

    /** A logged-in connection was lost, on the supervisor thread. */
    default void onDisconnected(String reason) {
    }
}
