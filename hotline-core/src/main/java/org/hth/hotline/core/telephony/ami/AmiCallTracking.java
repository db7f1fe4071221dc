package org.hth.hotline.core.telephony.ami;

import java.time.Clock;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import io.micrometer.core.instrument.MeterRegistry;

import org.asteriskjava.manager.ManagerConnection;
import org.asteriskjava.manager.ResponseEvents;
import org.asteriskjava.manager.action.CoreShowChannelsAction;
import org.asteriskjava.manager.event.CoreShowChannelEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.event.ResponseEvent;
import org.hth.hotline.core.live.LiveEvents;
import org.hth.hotline.core.roster.Roster;
import org.hth.hotline.core.store.CallStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The AMI side assembled: an {@link AmiConnection} whose events go to a {@link CallTracker} confined to its own
 * thread ({@code hotline-call-tracker}), so that Asterisk-Java's event thread never waits for the store. After each
 * login the live channels are listed ({@code CoreShowChannels}) and the tracker closes the calls that ended while
 * the connection was down. Thread-safe.
 */
public final class AmiCallTracking implements AmiListener {
    private static final Logger log = LoggerFactory.getLogger(AmiCallTracking.class);

    private final ScheduledExecutorService trackerThread;
    private final CallTracker tracker;
    private final AmiConnection connection;
    private final AmiSettings settings;

    public AmiCallTracking(AmiSettings settings, TrackerSettings trackerSettings, CallStore store, LiveEvents live,
                           Supplier<Roster> roster, Clock clock, MeterRegistry registry) {
        this.settings = settings;
        this.trackerThread = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "hotline-call-tracker");
            thread.setDaemon(true);
            return thread;
        });
        this.tracker = new CallTracker(store, live, roster, clock, Scheduler.on(trackerThread), trackerSettings,
                registry);
        this.connection = new AmiConnection(settings, clock, registry, live, this);
    }

    public AmiConnection connection() {
        return connection;
    }

    /** The {@code pbx} health check of this connection. */
    public AmiHealthCheck healthCheck() {
        return new AmiHealthCheck(connection);
    }

    public void start() {
        trackerThread.execute(tracker::start);
        connection.start();
    }

    /** Stops the connection, then the tracker; calls still open are not written. */
    public void stop() {
        connection.stop();
        trackerThread.execute(tracker::stop);
        trackerThread.shutdown();
        try {
            trackerThread.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void onEvent(ManagerEvent event) {
        trackerThread.execute(() -> tracker.onEvent(event));
    }

    @Override
    public void onConnected(ManagerConnection managerConnection) {
        try {
            ResponseEvents answer = managerConnection.sendEventGeneratingAction(new CoreShowChannelsAction(),
                    settings.connectTimeout().toMillis());
            Set<String> channels = new HashSet<>();
            for (ResponseEvent event : answer.getEvents()) {
                if (event instanceof CoreShowChannelEvent channel && channel.getUniqueid() != null) {
                    channels.add(channel.getUniqueid());
                }
            }
            trackerThread.execute(() -> tracker.connectionRestored(channels));
        } catch (Exception e) {
            log.warn("could not list the PBX's channels after login ({}); open calls wait for their timeout",
                    e.toString());
        }
    }

    @Override
    public void onDisconnected(String reason) {
        trackerThread.execute(tracker::connectionLost);
    }
}
