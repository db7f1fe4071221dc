package org.hth.hotline.standin.call;

import io.netty.util.concurrent.ScheduledFuture;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Asterisk's {@code Dial(targets[,timeout[,options]])} on the call's line: rings every target at once, the
 * first to answer wins and the others are cancelled; options {@code m} (music on hold), {@code U()}
 * (accept gosub on the answered leg) and {@code B()} (a gosub on the caller's line before any leg is created, its
 * {@code ^} turned into {@code ,} as app_dial does, so its {@code VarSet} events come before the first
 * {@code DialBegin}) are honoured. Completes with the application's return value: 0 when
 * Dial ends normally, -1 when the caller hung up or the bridged call ended. One instance per Dial; confined
 * to the call's loop.
 */
public final class DialApp {
    static final List<String> CLEARED = List.of("DIALSTATUS", "DIALEDPEERNUMBER", "DIALEDPEERNAME", "ANSWEREDTIME",
            "ANSWEREDTIME_MS", "DIALEDTIME", "DIALEDTIME_MS", "RINGTIME", "RINGTIME_MS", "PROGRESSTIME",
            "PROGRESSTIME_MS");
    private static final Duration ACCEPT_DELAY = Duration.ofSeconds(2);
    private static final Duration OPERATOR_APP_DELAY = Duration.ofMillis(500);

    private final SimCall call;
    private final String data;
    private final List<DialLeg> legs = new ArrayList<>();
    private final CompletableFuture<Integer> result = new CompletableFuture<>();
    private final DialOptions options;
    private final boolean music;
    private final boolean acceptGosub;
    private final Runnable onCallerHangup = this::callerHungUp;
    private ScheduledFuture<?> timeout;
    private DialLeg winner;
    private String bridgeId = "";
    private java.time.Instant answeredAt;
    private java.time.Instant dialStart;

    public DialApp(SimCall call, String data) {
        this.call = call;
        this.data = data;
        this.options = DialOptions.parse(arg(2));
        this.music = options.has('m');
        this.acceptGosub = options.argument('U').isPresent();
    }

    /** Runs the Dial; the future completes on the call's loop. */
    public CompletableFuture<Integer> run() {
        dialStart = call.now();
        for (String v : CLEARED) {
            call.setVariable(v, "");
        }
        options.argument('B').ifPresent(location -> call.hub().subroutines().run(call, location.replace('^', ',')));
        for (String target : arg(0).split("&")) {
            EndpointBehaviour b = call.hub().endpoints().behaviourOf(target.trim());
            if (!(b instanceof EndpointBehaviour.Unavailable) && !target.isBlank()) {
                DialLeg leg = new DialLeg(call, target.trim(), b);
                legs.add(leg);
                leg.create(cause -> legHangsUp(leg));
            }
        }
        if (legs.isEmpty()) {
            call.setVariable("DIALSTATUS", "CHANUNAVAIL");
            call.lineCause(HangupCause.NO_ROUTE_DESTINATION);
            result.complete(0);
            return result;
        }
        legs.forEach(DialLeg::ring);
        if (music) {
            call.emit(Events.call("MusicOnHoldStart", call.line(), "Class", "default"));
        }
        for (DialLeg leg : legs) {
            schedule(leg);
        }
        String seconds = arg(1);
        if (!seconds.isBlank()) {
            timeout = call.hub().timeline().schedule(call.loop(), Duration.ofSeconds(Long.parseLong(seconds.trim())),
                    () -> endUnanswered("NOANSWER", 0));
        }
        call.onHangup(onCallerHangup);
        return result;
    }

    private String arg(int i) {
        String[] parts = data.split(",", -1);
        return i < parts.length ? parts[i] : "";
    }

    private void schedule(DialLeg leg) {
        EndpointBehaviour b = leg.behaviour();
        if (b instanceof EndpointBehaviour.Answer a) {
            call.schedule(a.after(), () -> answered(leg));
        } else if (b instanceof EndpointBehaviour.AnswerWithoutAccept a) {
            call.schedule(a.after(), () -> answered(leg));
        } else if (b instanceof EndpointBehaviour.Busy busy) {
            call.schedule(busy.after(), () -> busy(leg));
        }
    }

    private boolean over() {
        return result.isDone() || winner != null;
    }

    private void busy(DialLeg leg) {
        if (over() || leg.ended()) {
            return;
        }
        leg.busy();
        call.records().unansweredDial(leg.dest().name(), "BUSY", data, leg.started());
        if (legs.stream().allMatch(DialLeg::ended)) {
            call.lineCause(HangupCause.USER_BUSY);
            finishUnanswered("BUSY", 0);
        }
    }

    private void answered(DialLeg leg) {
        if (over() || leg.ended()) {
            return;
        }
        winner = leg;
        answeredAt = call.now();
        if (timeout != null) {
            timeout.cancel(false);
        }
        leg.answer();
        call.setVariable("DIALSTATUS", "ANSWER");
        call.setVariable("DIALEDPEERNAME", leg.dest().name());
        call.setVariable("DIALEDPEERNUMBER", leg.peerNumber());
        call.emit(Events.dial("DialEnd", call.line(), leg.dest(), "DialStatus", "ANSWER"));
        for (DialLeg other : legs) {
            if (other != leg && !other.ended()) {
                other.cancel("CANCEL");
            }
        }
        if (music) {
            call.emit(Events.call("MusicOnHoldStop", call.line()));
        }
        if (!acceptGosub) {
            bridge(leg);
        } else if (leg.behaviour() instanceof EndpointBehaviour.AnswerWithoutAccept a) {
            call.schedule(a.acceptTimeout(), () -> notAccepted(leg));
        } else {
            call.schedule(ACCEPT_DELAY, () -> bridge(leg));
        }
    }

    /**
     * The shipped {@code [hotline-accept]} gosub's refusal, {@code GOSUB_RESULT=BUSY}: app_dial hangs up the
     * peer, sets DIALSTATUS to {@code BUSY} and Dial returns 0 (it goes on in the dialplan).
     */
    private void notAccepted(DialLeg leg) {
        if (result.isDone()) {
            return;
        }
        call.emit(Events.varSet(leg.far() == null ? leg.dest() : leg.far(), "GOSUB_RESULT", "BUSY"));
        leg.cancel("ANSWER");
        call.records().unansweredDial(leg.dest().name(), "BUSY", data, leg.started());
        call.setVariable("DIALSTATUS", "BUSY");
        call.removeHangupListener(onCallerHangup);
        result.complete(0);
    }

    private void bridge(DialLeg leg) {
        if (result.isDone() || call.gone()) {
            return;
        }
        SimChannel line = call.line();
        SimChannel dest = leg.dest();
        bridgeId = call.hub().ids().nextBridgeId();
        call.emit(Events.bridge("BridgeCreate", bridgeId, 0, null));
        if (leg.isLocal()) {
            dest.position(dest.context(), "", 1);
            call.emit(Events.newexten(dest, "AppDial", "(Outgoing Line)"));
        }
        dest.bridgeId(bridgeId);
        call.emit(Events.bridge("BridgeEnter", bridgeId, 1, dest));
        line.bridgeId(bridgeId);
        call.emit(Events.bridge("BridgeEnter", bridgeId, 2, line));
        call.emit(Events.varSet(dest, "BRIDGEPEER", line.name()));
        call.emit(Events.varSet(line, "BRIDGEPEER", dest.name()));
        call.records().bridged(dest.name(), data);
        if (leg.far() != null) {
            call.schedule(OPERATOR_APP_DELAY, () -> {
                if (!leg.far().hungUp()) {
                    leg.far().application("Echo", "");
                    leg.far().position(leg.far().context(), leg.far().exten(), 2);
                    call.emit(Events.newexten(leg.far(), "Echo", ""));
                }
            });
        }
        if (leg.behaviour() instanceof EndpointBehaviour.Answer a) {
            a.talk().ifPresent(t -> call.schedule(t, () -> legHangsUp(leg)));
        }
    }

    private void callerHungUp() {
        if (result.isDone()) {
            return;
        }
        if (winner != null && !bridgeId.isEmpty()) {
            endBridge(winner);
        } else if (winner != null) {
            winner.cancel("CANCEL");
            call.setVariable("DIALSTATUS", "CANCEL");
            result.complete(-1);
        } else {
            endUnanswered("CANCEL", -1);
        }
    }

    /** An operator leg hangs up (its own talk time, or an AMI Hangup of one of its channels). */
    private void legHangsUp(DialLeg leg) {
        if (result.isDone() || leg.ended()) {
            return;
        }
        if (leg == winner && !bridgeId.isEmpty()) {
            endBridge(leg);
        } else if (winner == null) {
            leg.cancel("CHANUNAVAIL");
            if (legs.stream().allMatch(DialLeg::ended)) {
                finishUnanswered("NOANSWER", 0);
            }
        }
    }

    private void endBridge(DialLeg leg) {
        SimChannel line = call.line();
        SimChannel dest = leg.dest();
        call.emit(Events.varSet(line, "BRIDGEPEER", ""));
        call.emit(Events.varSet(dest, "BRIDGEPEER", ""));
        call.emit(Events.bridge("BridgeLeave", bridgeId, 1, line));
        call.emit(Events.bridge("BridgeLeave", bridgeId, 0, dest));
        line.bridgeId("");
        if (leg.far() != null) {
            call.emit(Events.hangupRequest(leg.far(), HangupCause.NORMAL_CLEARING));
        }
        leg.hangupDest(HangupCause.NORMAL_CLEARING);
        call.emit(Events.bridge("BridgeDestroy", bridgeId, 0, null));
        long answeredMs = java.time.Duration.between(answeredAt, call.now()).toMillis();
        long dialedMs = java.time.Duration.between(dialStart, call.now()).toMillis();
        call.setVariable("ANSWEREDTIME", Long.toString(answeredMs / 1000));
        call.setVariable("ANSWEREDTIME_MS", Long.toString(answeredMs));
        call.setVariable("DIALEDTIME", Long.toString(dialedMs / 1000));
        call.setVariable("DIALEDTIME_MS", Long.toString(dialedMs));
        call.setVariable("DIALSTATUS", "ANSWER");
        call.removeHangupListener(onCallerHangup);
        result.complete(-1);
        if (leg.far() != null) {
            SimChannel far = leg.far();
            call.emit(Events.cdr(new Events.CdrRecord(far.callerNum(), far.exten(), far.context(), "", far.name(), "",
                    far.application(), "", far.created(), answeredAt, call.now(), "ANSWERED", far.uniqueid()),
                    call.hub().zone()));
            call.emit(Events.softHangupRequest(far, HangupCause.NORMAL_CLEARING));
            leg.hangupFar(HangupCause.NORMAL_CLEARING);
        }
    }

    private void endUnanswered(String status, int returnValue) {
        if (over()) {
            return;
        }
        for (DialLeg leg : legs) {
            if (!leg.ended()) {
                leg.cancel(status);
                call.records().unansweredDial(leg.dest().name(), "NO ANSWER", data, leg.started());
            }
        }
        finishUnanswered(status, returnValue);
    }

    private void finishUnanswered(String status, int returnValue) {
        if (timeout != null) {
            timeout.cancel(false);
        }
        if (music) {
            call.emit(Events.call("MusicOnHoldStop", call.line()));
        }
        call.setVariable("DIALSTATUS", status);
        call.removeHangupListener(onCallerHangup);
        result.complete(returnValue);
    }
}
