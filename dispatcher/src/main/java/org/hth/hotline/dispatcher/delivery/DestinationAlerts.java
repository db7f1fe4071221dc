package org.hth.hotline.dispatcher.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.hth.hotline.core.live.LiveEvent;
import org.hth.hotline.core.live.LiveEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lasting alerts: a destination failing for longer than {@code alertAfter} is raised once (a
 * {@code destination.alert} live event, the health check, a gauge) and stays raised, even after it
 * recovers, until a coordinator acknowledges it. Thread-safe.
 */
public final class DestinationAlerts {
    private static final Logger log = LoggerFactory.getLogger(DestinationAlerts.class);
    private final Duration alertAfter;
    private final LiveEvents live;
    private final Map<String, Instant> raised = new ConcurrentHashMap<>();

    public DestinationAlerts(Duration alertAfter, LiveEvents live) {
        this.alertAfter = alertAfter;
        this.live = live;
    }

    /** Raises the destination's alert when it has been failing since {@code since} for too long. */
    public void observe(String destinationId, Optional<Instant> failingSince, Instant now) {
        if (failingSince.isEmpty() || Duration.between(failingSince.get(), now).compareTo(alertAfter) < 0) {
            return;
        }
        if (raised.putIfAbsent(destinationId, failingSince.get()) == null) {
            log.error("destination {} has failed since {}: alert raised until a coordinator acknowledges it",
                    destinationId, failingSince.get());
            live.publish(new LiveEvent("destination.alert", now, Map.of("destination", destinationId,
                    "failingSince", failingSince.get().toString(), "raised", true)));
        }
    }

    /** A coordinator acted: the alert is cleared (it is raised again if the failures go on). */
    public boolean acknowledge(String destinationId, Instant now) {
        boolean cleared = raised.remove(destinationId) != null;
        if (cleared) {
            live.publish(new LiveEvent("destination.alert", now, Map.of("destination", destinationId, "raised", false)));
        }
        return cleared;
    }

    public boolean isRaised(String destinationId) {
        return raised.containsKey(destinationId);
    }

    /** The raised alerts: destination to the start of its failures. */
    public Map<String, Instant> raised() {
        return Map.copyOf(raised);
    }
}
