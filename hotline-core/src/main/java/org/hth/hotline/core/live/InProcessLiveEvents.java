package org.hth.hotline.core.live;

import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Live events within one process: each subscriber is called on the publisher's thread, in order of
 * subscription; a subscriber that throws is logged and the others still get the event. Subscribers must
 * hand off slow work (the console puts events on its event loop). Thread-safe.
 */
public final class InProcessLiveEvents implements LiveEvents {
    private static final Logger log = LoggerFactory.getLogger(InProcessLiveEvents.class);

    private final CopyOnWriteArrayList<Consumer<LiveEvent>> subscribers = new CopyOnWriteArrayList<>();

    @Override
    public void publish(LiveEvent event) {
        for (Consumer<LiveEvent> subscriber : subscribers) {
            try {
                subscriber.accept(event);
            } catch (RuntimeException e) {
                log.warn("a live event subscriber failed on {}: {}", event.type(), e.toString());
            }
        }
    }

    @Override
    public AutoCloseable subscribe(Consumer<LiveEvent> subscriber) {
        subscribers.add(subscriber);
        return () -> subscribers.remove(subscriber);
    }
}
