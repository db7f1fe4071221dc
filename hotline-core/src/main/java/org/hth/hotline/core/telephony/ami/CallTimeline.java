package org.hth.hotline.core.telephony.ami;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.hth.hotline.core.call.RingResult;

/**
 * What the tracker knows about one call so far, keyed by Asterisk's linkedid: its channels, our channel
 * variables, each {@code Dial} and the legs it rang, the bridge that joined caller and operator, and a readable
 * timeline. Mutable and not thread-safe: only the tracker's thread touches it.
 */
final class CallTimeline {

    /** One channel of the call. */
    static final class Channel {
        final String uniqueId;
        String name = "";
        Instant hungUpAt;
        String cause = "";

        Channel(String uniqueId) {
            this.uniqueId = uniqueId;
        }

        boolean hungUp() {
            return hungUpAt != null;
        }
    }

    /** One {@code Dial}: the targets it was given and the legs it rang. */
    static final class Dial {
        final Instant startedAt;
        final int ordinal;
        Integer step;
        final List<String> targets = new ArrayList<>();
        final List<Ring> rings = new ArrayList<>();
        boolean ended;

        Dial(Instant startedAt, int ordinal) {
            this.startedAt = startedAt;
            this.ordinal = ordinal;
        }
    }

    /** One leg rung by a {@code Dial}. */
    static final class Ring {
        final String destUniqueId;
        final String endpoint;
        final String operatorId;
        final Instant startedAt;
        final int step;
        Instant endedAt;
        RingResult result;

        Ring(String destUniqueId, String endpoint, String operatorId, Instant startedAt, int step) {
            this.destUniqueId = destUniqueId;
            this.endpoint = endpoint;
            this.operatorId = operatorId;
            this.startedAt = startedAt;
            this.step = step;
        }

        void finish(Instant at, RingResult how) {
            endedAt = at;
            result = how;
        }
    }

    /** One line of the call's timeline, for the console and the logs; never a number. */
    record Entry(Instant at, String what) {
    }

    final String callId;
    final Instant firstSeenAt;
    Instant lastEventAt;
    boolean seenFromStart;
    String lineFromExten = "";
    String callerUniqueId;
    final Map<String, Channel> channels = new LinkedHashMap<>();
    final Map<String, String> variables = new HashMap<>();
    final List<Dial> dials = new ArrayList<>();
    final Map<String, Set<String>> bridges = new HashMap<>();
    Instant answeredAt;
    Ring answeredRing;
    Instant conversationEndedAt;
    String agiStatus = "";
    boolean dialAfterScript;
    Instant orphanedSince;
    final List<Entry> entries = new ArrayList<>();

    CallTimeline(String callId, Instant firstSeenAt) {
        this.callId = callId;
        this.firstSeenAt = firstSeenAt;
        this.lastEventAt = firstSeenAt;
    }

    Channel channel(String uniqueId) {
        return channels.computeIfAbsent(uniqueId, Channel::new);
    }

    boolean allHungUp() {
        return !channels.isEmpty() && channels.values().stream().allMatch(Channel::hungUp);
    }

    /** The caller's channel: where our variables are set or the dials come from; else the first channel. */
    Optional<Channel> caller() {
        if (callerUniqueId != null && channels.containsKey(callerUniqueId)) {
            return Optional.of(channels.get(callerUniqueId));
        }
        Channel byLinkedId = channels.get(callId);
        if (byLinkedId != null) {
            return Optional.of(byLinkedId);
        }
        return channels.values().stream().findFirst();
    }

    Optional<Dial> openDial() {
        if (dials.isEmpty()) {
            return Optional.empty();
        }
        Dial last = dials.get(dials.size() - 1);
        return last.ended ? Optional.empty() : Optional.of(last);
    }

    Dial startDial(Instant at) {
        Dial dial = new Dial(at, dials.size() + 1);
        String step = variables.get(org.hth.hotline.core.telephony.ChannelVariables.STEP);
        if (step != null) {
            try {
                dial.step = Integer.valueOf(step);
            } catch (NumberFormatException e) {
                dial.step = null;
            }
        }
        dials.add(dial);
        return dial;
    }

    Optional<Ring> ring(String destUniqueId) {
        for (Dial dial : dials) {
            for (Ring ring : dial.rings) {
                if (ring.destUniqueId.equals(destUniqueId)) {
                    return Optional.of(ring);
                }
            }
        }
        return Optional.empty();
    }

    void note(Instant at, String what) {
        entries.add(new Entry(at, what));
    }

    Set<String> bridge(String bridgeId) {
        return bridges.computeIfAbsent(bridgeId, id -> new HashSet<>());
    }
}
