package org.hth.hotline.ops.serve;

import java.util.ArrayDeque;
import java.util.Deque;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The parts of a server in the order they started, closed in the reverse order: on a failed start-up and
 * on shutdown alike. A part that fails to close is logged and the others still close. Thread-safe.
 */
final class Parts implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Parts.class);

    private record Part(String name, AutoCloseable closer) {
    }

    private final Deque<Part> started = new ArrayDeque<>();

    /** Registers a started part and returns it. */
    synchronized <T> T add(String name, T part, AutoCloseable closer) {
        started.push(new Part(name, closer));
        return part;
    }

    @Override
    public synchronized void close() {
        while (!started.isEmpty()) {
            Part part = started.pop();
            try {
                part.closer().close();
            } catch (Exception e) {
                log.warn("{} did not stop cleanly: {}", part.name(), e.toString());
            }
        }
    }
}
