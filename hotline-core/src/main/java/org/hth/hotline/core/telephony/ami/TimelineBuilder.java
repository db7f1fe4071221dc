package org.hth.hotline.core.telephony.ami;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.asteriskjava.manager.event.AgiExecStartEvent;
import org.asteriskjava.manager.event.BridgeEnterEvent;
import org.asteriskjava.manager.event.BridgeLeaveEvent;
import org.asteriskjava.manager.event.CdrEvent;
import org.asteriskjava.manager.event.DialBeginEvent;
import org.asteriskjava.manager.event.DialEndEvent;
import org.asteriskjava.manager.event.HangupEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.event.NewChannelEvent;
import org.asteriskjava.manager.event.NewExtenEvent;
import org.asteriskjava.manager.event.NewStateEvent;
import org.asteriskjava.manager.event.VarSetEvent;
import org.hth.hotline.core.call.RingResult;
import org.hth.hotline.core.telephony.ChannelVariables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies one AMI event to a call's {@link CallTimeline}. Duplicates change nothing, events out of order are
 * taken as they come (a {@code DialEnd} without its {@code DialBegin} still makes a ring attempt), and a field
 * that is missing or unusable is logged (never its value) and skipped. Reads no caller-ID field. Not thread-safe:
 * the tracker's thread only.
 */
final class TimelineBuilder {
    private static final Logger log = LoggerFactory.getLogger(TimelineBuilder.class);

    /** Our variables, and Asterisk's two that say how a dial and the script ended (neither holds a number). */
    private static final Set<String> WATCHED = Set.of(ChannelVariables.CALL_ID, ChannelVariables.CALLER,
            ChannelVariables.LANGUAGE, ChannelVariables.STEP, ChannelVariables.ANSWERED_BY, ChannelVariables.OUTCOME,
            ChannelVariables.CALLBACK_TICKET, ChannelVariables.LINE, "DIALSTATUS", "AGISTATUS", "GOSUB_RESULT");

    /** Something the console should hear about at once. */
    sealed interface Happening permits RingStarted, Answered {
    }

    record RingStarted(CallTimeline.Ring ring) implements Happening {
    }

    record Answered(CallTimeline.Ring ring) implements Happening {
    }

    private final Endpoints endpoints;

    TimelineBuilder(Endpoints endpoints) {
        this.endpoints = endpoints;
    }

    /** Applies the event received at {@code at}; returns what the console should hear about. */
    List<Happening> apply(CallTimeline call, ManagerEvent event, Instant at) {
        List<Happening> happenings = new ArrayList<>();
        call.lastEventAt = at;
        if (event instanceof NewChannelEvent e) {
            newChannel(call, e, at);
        } else if (event instanceof NewStateEvent e) {
            uid(e.getUniqueId()).ifPresent(uid -> call.note(at, "state " + uid + " " + text(e.getChannelStateDesc())));
        } else if (event instanceof VarSetEvent e) {
            varSet(call, e, at);
        } else if (event instanceof AgiExecStartEvent e) {
            dialApplication(call, e.getCommand(), true, at);
        } else if (event instanceof NewExtenEvent e) {
            if ("Dial".equalsIgnoreCase(e.getApplication())) {
                dialApplication(call, e.getAppData(), false, at);
            }
        } else if (event instanceof DialBeginEvent e) {
            dialBegin(call, e, at).ifPresent(ring -> happenings.add(new RingStarted(ring)));
        } else if (event instanceof DialEndEvent e) {
            dialEnd(call, e, at);
        } else if (event instanceof BridgeEnterEvent e) {
            bridgeEnter(call, e, at).ifPresent(ring -> happenings.add(new Answered(ring)));
        } else if (event instanceof BridgeLeaveEvent e) {
            bridgeLeave(call, e, at);
        } else if (event instanceof HangupEvent e) {
            hangup(call, e, at);
        } else if (event instanceof CdrEvent e) {
            call.note(at, "cdr " + text(e.getUniqueId()) + " " + text(e.getDisposition()));
        }
        return happenings;
    }

    private void newChannel(CallTimeline call, NewChannelEvent e, Instant at) {
        Optional<String> uid = uid(e.getUniqueId());
        if (uid.isEmpty()) {
            return;
        }
        boolean known = call.channels.containsKey(uid.get());
        CallTimeline.Channel channel = call.channel(uid.get());
        SafeText.clean(e.getChannel()).ifPresent(name -> channel.name = name);
        if (uid.get().equals(call.callId)) {
            call.seenFromStart = true;
            SafeText.clean(e.getExten()).filter(exten -> exten.chars().allMatch(Character::isDigit))
                    .ifPresent(exten -> call.lineFromExten = exten);
        }
        if (!known) {
            call.note(at, "channel " + uid.get() + " " + channel.name);
        }
    }

    private void varSet(CallTimeline call, VarSetEvent e, Instant at) {
        String variable = e.getVariable() == null ? "" : e.getVariable().strip().toUpperCase(Locale.ROOT);
        Optional<String> uid = uid(e.getUniqueId());
        if (!WATCHED.contains(variable) || uid.isEmpty()) {
            return;
        }
        SafeText.problem(e.getValue())
                .ifPresent(problem -> log.warn("VarSet {} on {}: value {}; cleaned", variable, uid.get(), problem));
        String value = SafeText.clean(e.getValue()).orElse("");
        if (variable.equals("DIALSTATUS")) {
            dialStatus(call, uid.get(), value, at);
            return;
        }
        if (variable.equals("GOSUB_RESULT")) {
            notAccepted(call, uid.get(), value, at);
            return;
        }
        if (variable.equals("AGISTATUS")) {
            call.agiStatus = value;
            call.note(at, "script ended " + value);
            return;
        }
        call.channel(uid.get());
        call.callerUniqueId = uid.get();
        if (value.isEmpty()) {
            call.variables.remove(variable);
        } else {
            call.variables.put(variable, value);
        }
        if (!variable.equals(ChannelVariables.CALLER)) {
            call.note(at, "set " + variable + " " + value);
        }
        if (variable.equals(ChannelVariables.STEP)) {
            stepOfOpenDial(call, value);
        }
    }

    /**
     * A step set after its Dial started: the Dial's {@code B()} gosub sets {@code HOTLINE_STEP} on the caller's
     * channel after the {@code AGIExecStart} of {@code EXEC Dial} and before the first {@code DialBegin}; the open
     * Dial that rings nobody yet takes it.
     */
    private static void stepOfOpenDial(CallTimeline call, String value) {
        call.openDial().filter(dial -> dial.rings.isEmpty()).ifPresent(dial -> {
            try {
                dial.step = value.isEmpty() ? null : Integer.valueOf(value);
            } catch (NumberFormatException e) {
                dial.step = null;
            }
        });
    }

    private void dialApplication(CallTimeline call, String data, boolean fromAgi, Instant at) {
        if (data == null) {
            return;
        }
        String args = data.strip();
        if (fromAgi) {
            if (!args.toUpperCase(Locale.ROOT).startsWith("EXEC DIAL ")) {
                return;
            }
            args = args.substring("EXEC DIAL ".length());
        }
        List<String> targets = Endpoints.dialTargets(args);
        CallTimeline.Dial dial = call.openDial()
                .filter(d -> d.targets.isEmpty() ? d.rings.isEmpty() : d.targets.equals(targets))
                .orElseGet(() -> startDial(call, at));
        if (dial.targets.isEmpty()) {
            dial.targets.addAll(targets); // a repeated command (duplicate event) adds nothing
        }
    }

    private CallTimeline.Dial startDial(CallTimeline call, Instant at) {
        call.openDial().ifPresent(open -> open.ended = true);
        if (!call.agiStatus.isEmpty()) {
            call.dialAfterScript = true;
        }
        CallTimeline.Dial dial = call.startDial(at);
        call.note(at, "dial " + dial.ordinal);
        return dial;
    }

    private void dialStatus(CallTimeline call, String uid, String value, Instant at) {
        if (call.callerUniqueId != null && !call.callerUniqueId.equals(uid)) {
            return;
        }
        call.callerUniqueId = uid;
        call.channel(uid);
        if (value.isEmpty()) {
            if (call.openDial().isEmpty()) {
                startDial(call, at);
            }
            return;
        }
        Optional<CallTimeline.Dial> open = call.openDial();
        if (open.isEmpty()) {
            return;
        }
        CallTimeline.Dial dial = open.get();
        RingResult status = ringResult(value).orElse(RingResult.CHANUNAVAIL);
        for (String target : dial.targets) {
            boolean rung = dial.rings.stream().anyMatch(ring -> ring.endpoint.equalsIgnoreCase(target));
            if (!rung) {
                RingResult result = dial.rings.isEmpty() ? status : RingResult.CHANUNAVAIL;
                addRing(dial, "", target, dial.startedAt).finish(at, result);
            }
        }
        if (dial.targets.isEmpty() && dial.rings.isEmpty()) {
            addRing(dial, "", "", dial.startedAt).finish(at, status);
        }
        dial.ended = true;
        call.note(at, "dial " + dial.ordinal + " ended " + value);
    }

    private Optional<CallTimeline.Ring> dialBegin(CallTimeline call, DialBeginEvent e, Instant at) {
        Optional<String> source = uid(e.getUniqueId());
        Optional<String> dest = uid(e.getDestUniqueId());
        if (source.isEmpty() || dest.isEmpty()) {
            return Optional.empty(); // an Originate's dial has no calling channel: not a ring attempt
        }
        if (call.ring(dest.get()).isPresent()) {
            return Optional.empty();
        }
        if (call.callerUniqueId == null) {
            call.callerUniqueId = source.get();
        }
        call.channel(source.get());
        call.channel(dest.get()).name = SafeText.clean(e.getDestChannel()).orElse("");
        CallTimeline.Dial dial = call.openDial().orElseGet(() -> startDial(call, at));
        CallTimeline.Ring ring = addRing(dial, dest.get(), Endpoints.endpoint(e.getDestChannel(), e.getDialString()), at);
        call.note(at, "ring " + ring.endpoint + (ring.operatorId.isEmpty() ? "" : " (" + ring.operatorId + ")"));
        return Optional.of(ring);
    }

    private void dialEnd(CallTimeline call, DialEndEvent e, Instant at) {
        Optional<String> dest = uid(e.getDestUniqueId());
        if (uid(e.getUniqueId()).isEmpty() || dest.isEmpty()) {
            return;
        }
        CallTimeline.Ring ring = call.ring(dest.get()).orElseGet(() -> {
            CallTimeline.Dial dial = call.openDial().orElseGet(() -> startDial(call, at));
            return addRing(dial, dest.get(), Endpoints.endpoint(e.getDestChannel(), e.getDialString()), at);
        });
        if (ring.result != null) {
            return;
        }
        Optional<RingResult> result = ringResult(e.getDialStatus());
        if (result.isEmpty()) {
            log.warn("DialEnd for {}: unusable DialStatus ({}), counted as CHANUNAVAIL", dest.get(),
                    SafeText.problem(e.getDialStatus()).orElse("unknown value"));
        }
        ring.finish(at, result.orElse(RingResult.CHANUNAVAIL));
        call.note(at, "ring " + ring.endpoint + " " + ring.result);
    }

    /**
     * {@code GOSUB_RESULT} set on an operator's leg by Dial's {@code U()} accept gosub: anything but empty makes
     * app_dial hang the leg up instead of bridging it, so the leg that answered (DialEnd ANSWER) did not accept.
     */
    private void notAccepted(CallTimeline call, String legUniqueId, String value, Instant at) {
        if (value.isEmpty()) {
            return;
        }
        call.ring(legUniqueId).filter(ring -> ring.result == RingResult.ANSWER && ring != call.answeredRing)
                .ifPresent(ring -> {
                    ring.result = RingResult.NOT_ACCEPTED;
                    call.note(at, "ring " + ring.endpoint + " not accepted");
                });
    }

    private Optional<CallTimeline.Ring> bridgeEnter(CallTimeline call, BridgeEnterEvent e, Instant at) {
        Optional<String> uid = uid(e.getUniqueId());
        Optional<String> bridgeId = SafeText.clean(e.getBridgeUniqueId());
        if (uid.isEmpty() || bridgeId.isEmpty()) {
            return Optional.empty();
        }
        Set<String> members = call.bridge(bridgeId.get());
        members.add(uid.get());
        if (call.answeredAt != null || call.callerUniqueId == null || !members.contains(call.callerUniqueId)) {
            return Optional.empty();
        }
        for (String member : members) {
            Optional<CallTimeline.Ring> ring = call.ring(member);
            if (ring.isPresent()) {
                call.answeredAt = at;
                call.answeredRing = ring.get();
                call.note(at, "answered " + ring.get().endpoint);
                return ring;
            }
        }
        return Optional.empty();
    }

    private void bridgeLeave(CallTimeline call, BridgeLeaveEvent e, Instant at) {
        Optional<String> uid = uid(e.getUniqueId());
        Optional<String> bridgeId = SafeText.clean(e.getBridgeUniqueId());
        if (uid.isEmpty() || bridgeId.isEmpty()) {
            return;
        }
        call.bridge(bridgeId.get()).remove(uid.get());
        boolean party = uid.get().equals(call.callerUniqueId)
                || (call.answeredRing != null && uid.get().equals(call.answeredRing.destUniqueId));
        if (call.answeredAt != null && call.conversationEndedAt == null && party) {
            call.conversationEndedAt = at;
            call.note(at, "conversation ended");
        }
    }

    private void hangup(CallTimeline call, HangupEvent e, Instant at) {
        Optional<String> uid = uid(e.getUniqueId());
        if (uid.isEmpty()) {
            return;
        }
        CallTimeline.Channel channel = call.channel(uid.get());
        if (channel.hungUp()) {
            return;
        }
        channel.hungUpAt = at;
        channel.cause = SafeText.clean(e.getCauseTxt()).orElse("");
        call.note(at, "hangup " + uid.get() + " " + channel.cause);
    }

    private CallTimeline.Ring addRing(CallTimeline.Dial dial, String destUid, String endpoint, Instant at) {
        int step = dial.step != null ? dial.step : dial.ordinal;
        CallTimeline.Ring ring = new CallTimeline.Ring(destUid, endpoint, endpoints.operatorOf(endpoint), at, step);
        dial.rings.add(ring);
        return ring;
    }

    static Optional<RingResult> ringResult(String dialStatus) {
        String status = dialStatus == null ? "" : dialStatus.strip().toUpperCase(Locale.ROOT);
        return switch (status) {
            case "ANSWER" -> Optional.of(RingResult.ANSWER);
            case "NOANSWER" -> Optional.of(RingResult.NOANSWER);
            case "BUSY" -> Optional.of(RingResult.BUSY);
            case "CHANUNAVAIL" -> Optional.of(RingResult.CHANUNAVAIL);
            case "CONGESTION" -> Optional.of(RingResult.CONGESTION);
            case "CANCEL" -> Optional.of(RingResult.CANCEL);
            default -> Optional.empty();
        };
    }

    private static Optional<String> uid(String raw) {
        return SafeText.clean(raw);
    }

    private static String text(String raw) {
        return SafeText.clean(raw).orElse("?");
    }
}
