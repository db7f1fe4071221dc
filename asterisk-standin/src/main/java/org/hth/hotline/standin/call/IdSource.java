package org.hth.hotline.standin.call;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Asterisk's identifiers: uniqueids {@code epoch.sequence} (one sequence for the whole "system") and the
 * 8-hex-digit suffixes of channel names ({@code -0000001a}). One instance per stand-in; thread-safe.
 */
public final class IdSource {
    private final AtomicLong uniqueSequence = new AtomicLong();
    private final AtomicLong channelSequence = new AtomicLong();
    private final AtomicLong bridgeSequence = new AtomicLong();

    public String nextUniqueid(Instant now) {
        return now.getEpochSecond() + "." + uniqueSequence.getAndIncrement();
    }

    public String nextChannelSuffix() {
        return String.format("%08x", channelSequence.getAndIncrement());
    }

    /** A bridge id shaped like Asterisk's UUIDs, unique within this stand-in. */
    public String nextBridgeId() {
        long n = bridgeSequence.incrementAndGet();
        return String.format("5ba1d9e0-0000-4000-8000-%012x", n);
    }
}
