package org.hth.hotline.core.live;

import java.util.function.Consumer;

/**
 * Where live events are published and from where the console takes them. Publishing never blocks the
 * caller for long and never throws: a slow or failing subscriber loses events, the call path does not
 * wait. Thread-safe.
 */
public interface LiveEvents {

    void publish(LiveEvent event);

    /** Adds a subscriber; closing the returned handle removes it. */
    AutoCloseable subscribe(Consumer<LiveEvent> subscriber);
}
