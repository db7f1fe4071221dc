package org.hth.hotline.ops.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import org.hth.hotline.core.live.InProcessLiveEvents;
import org.hth.hotline.core.roster.Roster;
import org.hth.hotline.core.roster.RosterParser;
import org.hth.hotline.core.telephony.ami.AmiCallTracking;
import org.hth.hotline.core.telephony.ami.AmiSettings;
import org.hth.hotline.core.telephony.ami.AmiStatus;
import org.hth.hotline.core.telephony.ami.TrackerSettings;

/**
 * The hotline's AMI side as {@code hotline serve} assembles it ({@link AmiCallTracking}: Asterisk-Java's
 * connection, the hand-off to the tracker thread, the {@code CallTracker} building timelines and records),
 * with a {@link CountingCallStore}; a call is done when its record is written. The tracker's settle delay is
 * 20 ms instead of 1 s, so that the end of a pass is not a second of waiting.
 */
final class TrackerConsumer implements AmiConsumer {
    static final String USER = "hotline";
    static final String SECRET = "bench-secret";

    private final CountingCallStore store = new CountingCallStore();
    private AmiCallTracking tracking;

    @Override
    public void connect(int port) throws Exception {
        AmiSettings settings = new AmiSettings("127.0.0.1", port, USER, SECRET, Duration.ofSeconds(5),
                Duration.ofMillis(200), Duration.ofSeconds(2), Duration.ofSeconds(20));
        TrackerSettings tracker = new TrackerSettings(Duration.ofMillis(20), Duration.ofMinutes(2),
                Duration.ofHours(12), Duration.ofSeconds(30));
        Roster roster = roster();
        tracking = new AmiCallTracking(settings, tracker, store, new InProcessLiveEvents(), () -> roster,
                Clock.systemUTC(), new SimpleMeterRegistry());
        tracking.start();
        Await.until("the tracker's AMI login", () -> tracking.connection().status().state()
                == AmiStatus.State.CONNECTED, Duration.ofSeconds(10));
    }

    @Override
    public void expect(StreamCompletion completion, int eventsPerCall) {
        store.expect(completion);
    }

    @Override
    public void close() {
        if (tracking != null) {
            tracking.stop();
        }
    }

    private static Roster roster() throws IOException {
        try (InputStream in = TrackerConsumer.class.getResourceAsStream("bench-roster.yaml")) {
            if (in == null) {
                throw new IllegalStateException("bench-roster.yaml is missing from the jar");
            }
            return new RosterParser().parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }
}
