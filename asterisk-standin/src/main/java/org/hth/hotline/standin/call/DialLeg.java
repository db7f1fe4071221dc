package org.hth.hotline.standin.call;

import java.time.Instant;

/**
 * One target of a Dial: a Local channel pair ({@code Local/100@operators-…;1} and {@code ;2}, as in the
 * recordings) or a single channel for any other technology ({@code PJSIP/op-anna-0000001c}). Emits the leg's
 * events. Confined to the call's loop.
 */
final class DialLeg {
    private final SimCall call;
    private final String dialString;
    private final EndpointBehaviour behaviour;
    private final SimChannel dest;
    private final SimChannel far;
    private final Instant started;
    private boolean ended;

    DialLeg(SimCall call, String dialString, EndpointBehaviour behaviour) {
        this.call = call;
        this.dialString = dialString;
        this.behaviour = behaviour;
        this.started = call.now();
        SimChannel line = call.line();
        Instant now = call.now();
        IdSource ids = call.hub().ids();
        String suffix = ids.nextChannelSuffix();
        if (isLocal()) {
            String resource = dialString.substring("Local/".length());
            int at = resource.indexOf('@');
            String exten = at < 0 ? resource : resource.substring(0, at);
            String context = at < 0 ? "default" : resource.substring(at + 1);
            dest = new SimChannel(dialString + "-" + suffix + ";1", ids.nextUniqueid(now), line.linkedid(),
                    ChannelState.DOWN, context, exten, now);
            far = new SimChannel(dialString + "-" + suffix + ";2", ids.nextUniqueid(now), line.linkedid(),
                    ChannelState.RING, context, exten, now);
        } else {
            int second = dialString.indexOf('/', dialString.indexOf('/') + 1);
            String base = second < 0 ? dialString : dialString.substring(0, second);
            dest = new SimChannel(base + "-" + suffix, ids.nextUniqueid(now), line.linkedid(), ChannelState.DOWN,
                    line.context(), line.exten(), now);
            far = null;
        }
    }

    boolean isLocal() {
        return dialString.startsWith("Local/");
    }

    String dialString() {
        return dialString;
    }

    EndpointBehaviour behaviour() {
        return behaviour;
    }

    /** The channel Dial talks to (the {@code ;1} half of a Local pair). */
    SimChannel dest() {
        return dest;
    }

    Instant started() {
        return started;
    }

    boolean ended() {
        return ended;
    }

    String peerNumber() {
        return dialString.substring(dialString.indexOf('/') + 1);
    }

    void create(java.util.function.Consumer<HangupCause> onHangup) {
        SimChannel line = call.line();
        call.register(dest, onHangup);
        call.emit(Events.call("Newchannel", dest));
        if (far != null) {
            call.register(far, onHangup);
            call.emit(Events.call("Newchannel", far));
        }
        call.emit(Events.varSet(dest, "DIALEDPEERNUMBER", peerNumber()));
        if (far != null) {
            dest.position(dest.context(), line.exten(), 1);
            call.emit(Events.newexten(dest, "AppDial", "(Outgoing Line)"));
        }
        dest.caller(line.exten(), line.callerName());
        call.emit(Events.newCallerid(dest, "0 (Presentation Allowed, Not Screened)"));
        dest.connected(line.callerNum(), line.callerName());
        call.emit(Events.call("NewConnectedLine", dest));
        if (far != null) {
            call.emit(Events.varSet(far, "DIALEDPEERNUMBER", peerNumber()));
            far.caller(line.callerNum(), line.callerName());
            call.emit(Events.newCallerid(far, "0 (Presentation Allowed, Not Screened)"));
            far.connected(line.exten(), line.callerName());
            call.emit(Events.call("NewConnectedLine", far));
            call.emit(Events.localBridge(dest, far));
        }
        call.emit(Events.dial("DialBegin", line, dest, "DialString", peerNumber()));
    }

    /** The far end starts its work: a Local channel runs its first application, a device rings. */
    void ring() {
        if (far != null) {
            String app = behaviour instanceof EndpointBehaviour.Busy ? "Busy"
                    : behaviour instanceof EndpointBehaviour.NeverAnswer ? "Wait" : "Answer";
            far.application(app, "");
            call.emit(Events.newexten(far, app, ""));
        } else {
            dest.state(ChannelState.RINGING);
            call.emit(Events.call("Newstate", dest));
            call.emit(Events.dial("DialState", call.line(), dest, "DialStatus", "RINGING"));
        }
    }

    void answer() {
        if (far != null) {
            far.state(ChannelState.UP);
            call.emit(Events.call("Newstate", far));
        }
        dest.state(ChannelState.UP);
        call.emit(Events.call("Newstate", dest));
    }

    /** The far end is busy: {@code DialEnd BUSY} and the leg goes. */
    void busy() {
        ended = true;
        if (far != null) {
            far.state(ChannelState.BUSY);
            call.emit(Events.call("Newstate", far));
        }
        call.emit(Events.dial("DialEnd", call.line(), dest, "DialStatus", "BUSY"));
        if (far != null) {
            call.emit(Events.hangupRequest(far, HangupCause.NOT_DEFINED));
            hangupDest(HangupCause.NOT_DEFINED);
            call.emit(Events.softHangupRequest(far, HangupCause.NORMAL_CLEARING));
            hangupFar(HangupCause.USER_BUSY);
        } else {
            hangupDest(HangupCause.USER_BUSY);
        }
    }

    /** Dial gives up on this leg ({@code NOANSWER}, {@code CANCEL}). */
    void cancel(String status) {
        ended = true;
        call.emit(Events.dial("DialEnd", call.line(), dest, "DialStatus", status));
        if (far != null) {
            call.emit(Events.hangupRequest(far, HangupCause.NORMAL_CLEARING));
        }
        hangupDest(HangupCause.NORMAL_CLEARING);
        if (far != null) {
            call.emit(Events.softHangupRequest(far, HangupCause.NORMAL_CLEARING));
            hangupFar(HangupCause.NORMAL_CLEARING);
        }
    }

    void hangupDest(HangupCause cause) {
        ended = true;
        dest.markHungUp();
        call.emit(Events.hangup(dest, cause));
        call.unregister(dest);
    }

    /** The far half of a Local pair ends: its own CDR (when it ran an application after answering), then Hangup. */
    void hangupFar(HangupCause cause) {
        if (far == null || far.hungUp()) {
            return;
        }
        far.markHungUp();
        call.emit(Events.hangup(far, cause));
        call.unregister(far);
    }

    SimChannel far() {
        return far;
    }
}
