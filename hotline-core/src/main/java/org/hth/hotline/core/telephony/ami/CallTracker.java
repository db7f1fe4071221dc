package org.hth.hotline.core.telephony.ami;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import io.micrometer.core.instrument.MeterRegistry;

import org.asteriskjava.manager.event.CdrEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.hth.hotline.core.call.CallOutcome;
import org.hth.hotline.core.call.CallRecord;
import org.hth.hotline.core.live.LiveEvent;
import org.hth.hotline.core.live.LiveEvents;
import org.hth.hotline.core.roster.Roster;
import org.hth.hotline.core.store.CallStore;
import org.hth.hotline.core.telephony.ChannelVariables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Follows every call by linkedid and writes one {@link CallRecord} when it ends: when every channel of the call
 * hung up and {@link TrackerSettings#settleDelay()} passed without a new channel (so a late {@code Cdr} still
 * lands in the timeline). Events for a call it never saw start open a call from that event; events for a call
 * already written are ignored. When the PBX connection drops, the calls in progress wait: after reconnection
 * {@link #connectionRestored} closes those whose channels are gone, and the others go on from the new events; a
 * call without connection for {@link TrackerSettings#orphanTimeout()}, or open longer than
 * {@link TrackerSettings#maxCallLength()}, is closed as {@code FAILED} with the reason as its hang-up cause.
 *
 * <p>Not thread-safe: confined to one thread (the tracker's executor in production, the test's thread in
 * tests); the {@link Scheduler} must run its tasks on that same thread. The store is called on that thread.
 */
public final class CallTracker {
    private static final Logger log = LoggerFactory.getLogger(CallTracker.class);
    private static final int FINISHED_MEMORY = 10_000;

    private final CallStore store;
    private final LiveEvents live;
    private final Clock clock;
    private final Scheduler scheduler;
    private final TrackerSettings settings;
    private final TimelineBuilder builder;
    private final CallRecordAssembler assembler = new CallRecordAssembler();
    private final CallMetrics metrics;
    private final Map<String, CallTimeline> open = new LinkedHashMap<>();
    private final Map<String, String> callOfChannel = new HashMap<>();
    private final Map<String, Scheduler.Cancellable> settling = new HashMap<>();
    private final Map<String, Boolean> finished = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > FINISHED_MEMORY;
        }
    };
    private Scheduler.Cancellable sweep;

    /**
     * @param roster read on each ring attempt to map the endpoint rung to an operator; may return null (no roster)
     */
    public CallTracker(CallStore store, LiveEvents live, Supplier<Roster> roster, Clock clock, Scheduler scheduler,
                       TrackerSettings settings, MeterRegistry registry) {
        this.store = store;
        this.live = live;
        this.clock = clock;
        this.scheduler = scheduler;
        this.settings = settings;
        this.builder = new TimelineBuilder(new Endpoints(roster));
        this.metrics = new CallMetrics(registry);
    }

    /** Starts the periodic check of the open calls. */
    public void start() {
        sweep = scheduler.schedule(settings.sweepInterval(), this::sweepAndReschedule);
    }

    /** Stops the periodic check; open calls stay in memory. */
    public void stop() {
        if (sweep != null) {
            sweep.cancel();
        }
        settling.values().forEach(Scheduler.Cancellable::cancel);
        settling.clear();
    }

    /** The calls in progress, by call id. */
    public Set<String> openCalls() {
        return Set.copyOf(open.keySet());
    }

    /** Takes one AMI event received now. Never throws: a bad event is logged and skipped. */
    public void onEvent(ManagerEvent event) {
        Optional<String> callId = callIdOf(event);
        if (callId.isEmpty() || finished.containsKey(callId.get())) {
            return;
        }
        MDC.put("callId", callId.get());
        try {
            Instant now = clock.instant();
            CallTimeline call = open.computeIfAbsent(callId.get(), id -> new CallTimeline(id, now));
            for (TimelineBuilder.Happening happening : builder.apply(call, event, now)) {
                publish(call, happening, now);
            }
            call.channels.keySet().forEach(uid -> callOfChannel.put(uid, call.callId));
            checkEnded(call);
        } catch (RuntimeException e) {
            log.warn("AMI event {} could not be applied: {}", AmiEvents.type(event), e.toString());
        } finally {
            MDC.remove("callId");
        }
    }

    /** The PBX connection dropped: the calls in progress wait for {@link #connectionRestored}. */
    public void connectionLost() {
        Instant now = clock.instant();
        for (CallTimeline call : open.values()) {
            if (call.orphanedSince == null) {
                call.orphanedSince = now;
            }
        }
        if (!open.isEmpty()) {
            log.warn("PBX connection lost with {} call(s) in progress", open.size());
        }
    }

    /**
     * The PBX connection is back and these channels (uniqueids) are up. Only the calls in progress at the drop
     * and not heard of since are checked (a call that started after the channel list was taken is not among
     * them): their channels missing from the list ended while we were away, and a call left without a channel is
     * closed as {@code FAILED}.
     */
    public void connectionRestored(Set<String> liveChannels) {
        for (CallTimeline call : List.copyOf(open.values())) {
            Instant lostAt = call.orphanedSince;
            call.orphanedSince = null;
            if (lostAt == null || call.lastEventAt.isAfter(lostAt)) {
                continue; // not in progress at the drop, or already heard of since: its events complete it
            }
            for (CallTimeline.Channel channel : call.channels.values()) {
                if (!channel.hungUp() && !liveChannels.contains(channel.uniqueId)) {
                    channel.hungUpAt = lostAt;
                }
            }
            if (call.allHungUp() && !settling.containsKey(call.callId)) {
                close(call, lostAt, new CallRecordAssembler.Closing(CallOutcome.FAILED,
                        "hotline: the call ended while the PBX connection was down"));
            }
        }
    }

    private Optional<String> callIdOf(ManagerEvent event) {
        Optional<String> linked = AmiEvents.linkedId(event);
        if (linked.isPresent()) {
            return linked;
        }
        if (event instanceof CdrEvent) {
            return AmiEvents.uniqueId(event).map(callOfChannel::get);
        }
        return Optional.empty();
    }

    private void publish(CallTimeline call, TimelineBuilder.Happening happening, Instant now) {
        Map<String, Object> data = new HashMap<>();
        data.put("callId", call.callId);
        if (happening instanceof TimelineBuilder.RingStarted started) {
            data.put("operatorId", started.ring().operatorId);
            data.put("step", started.ring().step);
            data.put("line", call.variables.getOrDefault(ChannelVariables.LINE, ""));
            data.put("language", call.variables.getOrDefault(ChannelVariables.LANGUAGE, ""));
            String caller = call.variables.getOrDefault(ChannelVariables.CALLER, "");
            data.put("caller", SafeText.looksLikeNumber(caller) ? "" : caller);
            live.publish(new LiveEvent("call.ringing", now, data));
        } else if (happening instanceof TimelineBuilder.Answered answered) {
            data.put("operatorId", answered.ring().operatorId);
            data.put("waitSeconds", CallRecordAssembler.seconds(call.firstSeenAt, now));
            live.publish(new LiveEvent("call.answered", now, data));
        }
    }

    private void checkEnded(CallTimeline call) {
        Scheduler.Cancellable pending = settling.remove(call.callId);
        if (pending != null) {
            pending.cancel();
        }
        if (call.allHungUp()) {
            settling.put(call.callId, scheduler.schedule(settings.settleDelay(), () -> settled(call.callId)));
        }
    }

    private void settled(String callId) {
        settling.remove(callId);
        CallTimeline call = open.get(callId);
        if (call != null && call.allHungUp()) {
            Instant end = call.channels.values().stream().map(channel -> channel.hungUpAt).max(Instant::compareTo)
                    .orElse(call.lastEventAt);
            close(call, end, null);
        }
    }

    private void sweepAndReschedule() {
        sweep();
        sweep = scheduler.schedule(settings.sweepInterval(), this::sweepAndReschedule);
    }

    /** Closes the calls past their limits; runs every {@link TrackerSettings#sweepInterval()}. */
    void sweep() {
        Instant now = clock.instant();
        for (CallTimeline call : new ArrayList<>(open.values())) {
            if (call.orphanedSince != null
                    && !now.isBefore(call.orphanedSince.plus(settings.orphanTimeout()))) {
                close(call, call.orphanedSince, new CallRecordAssembler.Closing(CallOutcome.FAILED,
                        "hotline: no PBX connection for " + human(settings.orphanTimeout()) + " during the call"));
            } else if (!now.isBefore(call.firstSeenAt.plus(settings.maxCallLength()))) {
                close(call, call.lastEventAt, new CallRecordAssembler.Closing(CallOutcome.FAILED,
                        "hotline: still open after " + human(settings.maxCallLength())));
            }
        }
    }

    private void close(CallTimeline call, Instant end, CallRecordAssembler.Closing closing) {
        MDC.put("callId", call.callId);
        try {
            open.remove(call.callId);
            finished.put(call.callId, Boolean.TRUE);
            call.channels.keySet().forEach(callOfChannel::remove);
            Scheduler.Cancellable pending = settling.remove(call.callId);
            if (pending != null) {
                pending.cancel();
            }
            CallRecord record = assembler.assemble(call, end, Optional.ofNullable(closing));
            if (closing != null) {
                log.warn("call closed as {}: {}", closing.outcome(), closing.reason());
            }
            store.save(record);
            metrics.recorded(record);
            log.info("call recorded: {}, {} attempt(s), wait {} s, talk {} s", record.outcome(),
                    record.attempts().size(), record.waitSeconds(), record.talkSeconds());
            Map<String, Object> data = new HashMap<>();
            data.put("callId", record.callId());
            data.put("outcome", record.outcome().name());
            data.put("operatorId", record.answeredBy().orElse(""));
            data.put("waitSeconds", record.waitSeconds());
            data.put("talkSeconds", record.talkSeconds());
            live.publish(new LiveEvent("call.ended", clock.instant(), data));
        } catch (RuntimeException e) {
            log.error("call record could not be written: {}", e.toString());
        } finally {
            MDC.remove("callId");
        }
    }

    private static String human(Duration duration) {
        return duration.toSeconds() % 60 == 0 ? duration.toMinutes() + " min" : duration.toSeconds() + " s";
    }
}
