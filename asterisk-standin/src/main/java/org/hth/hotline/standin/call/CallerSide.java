package org.hth.hotline.standin.call;

import io.netty.util.concurrent.ScheduledFuture;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.hth.hotline.standin.ami.AmiMessage;

/**
 * The caller's phone, the {@code ;1} half of the call: the originate's events, the keys pressed at prompts,
 * the hang-up. It runs the {@code caller-sim} context as the recording's phone did. Confined to the call's loop.
 */
final class CallerSide {
    static final String CONTEXT = "caller-sim";
    private static final Duration WAIT_AFTER_KEYS = Duration.ofMillis(250);

    private final SimCall call;
    private final String exten;
    private int nextPrompt;
    private ScheduledFuture<?> hangupTimer;
    private boolean phoneUp;

    CallerSide(SimCall call) {
        this.call = call;
        CallerBehaviour c = call.caller();
        this.exten = (c.keys().isEmpty() ? "" : "d" + String.join("", c.keys())) + "h"
                + c.hangupAfter().map(Duration::toSeconds).orElse(0L);
    }

    void start() {
        SimChannel phone = call.phone();
        SimChannel line = call.line();
        CallerBehaviour c = call.caller();
        String num = c.withheld() ? "<unknown>" : c.number();
        String name = c.name().isEmpty() ? "<unknown>" : c.name();
        call.emit(Events.call("Newchannel", phone));
        call.emit(Events.call("Newchannel", line));
        call.emit(Events.newexten(phone, "AppDial2", "(Outgoing Line)"));
        String pres = c.withheld() ? "32 (Presentation Prohibited, Not Screened)" : "0 (Presentation Allowed, Not Screened)";
        phone.caller(num, name);
        call.emit(Events.newCallerid(phone, pres));
        phone.connected(num, name);
        call.emit(Events.call("NewConnectedLine", phone));
        line.caller(num, name);
        call.emit(Events.newCallerid(line, pres));
        line.connected(num, name);
        call.emit(Events.call("NewConnectedLine", line));
        call.emit(Events.localBridge(phone, line));
        call.emit(Events.dial("DialBegin", null, phone, "DialString", line.exten() + "@" + line.context()));
        c.hangupAfter().ifPresent(d -> hangupTimer = call.hub().timeline().schedule(call.loop(), d, call::callerHangsUp));
    }

    /** The {@code ;2} half answered: the originate is answered and the phone starts its own dialplan. */
    void answered() {
        SimChannel phone = call.phone();
        phone.state(ChannelState.UP);
        call.emit(Events.call("Newstate", phone));
        call.emit(Events.dial("DialEnd", null, phone, "DialStatus", "ANSWER"));
        AmiMessage.Builder r = AmiMessage.builder().add("Event", "OriginateResponse").add("Privilege", "call,all");
        if (!call.originateActionId().isEmpty()) {
            r.add("ActionID", call.originateActionId());
        }
        call.emit(r.add("Response", "Success").add("Channel", phone.name()).add("Context", CONTEXT)
                .add("Exten", exten).add("Reason", "4").add("Uniqueid", phone.uniqueid())
                .add("CallerIDNum", phone.callerNum()).add("CallerIDName", phone.callerName()).build());
        phone.position(CONTEXT, exten, 1);
        phoneUp = true;
        boolean keys = call.caller().keys().stream().anyMatch(k -> !k.isEmpty());
        String app = keys ? "SendDTMF" : "Wait";
        phone.application(app, keys ? String.join("", call.caller().keys()) : "");
        call.emit(Events.newexten(phone, app, phone.applicationData()));
        String device = phone.name().substring(0, phone.name().lastIndexOf('-'));
        call.emit(Events.deviceStateChange(device, "INUSE"));
        call.emit(Events.deviceStateChange(device, "INUSE"));
    }

    CompletableFuture<SimCall.KeyResult> readKeys(int max, Duration timeout) {
        CompletableFuture<SimCall.KeyResult> result = new CompletableFuture<>();
        if (call.gone()) {
            result.complete(new SimCall.KeyResult("", false, true));
            return result;
        }
        String keys = nextPrompt < call.caller().keys().size() ? call.caller().keys().get(nextPrompt) : "";
        nextPrompt++;
        Runnable onHangup = () -> result.complete(new SimCall.KeyResult("", false, true));
        call.onHangup(onHangup);
        result.whenComplete((r, e) -> call.removeHangupListener(onHangup));
        if (keys.isEmpty()) {
            call.schedule(timeout, () -> result.complete(new SimCall.KeyResult("", true, false)));
            return result;
        }
        call.schedule(call.caller().keyDelay(), () -> {
            if (result.isDone()) {
                return;
            }
            String pressed = keys.length() > max ? keys.substring(0, max) : keys;
            for (char d : pressed.toCharArray()) {
                call.emit(Events.dtmf(call.line(), true, d));
                call.emit(Events.dtmf(call.line(), false, d));
            }
            call.schedule(WAIT_AFTER_KEYS, this::phoneWaits);
            if (pressed.length() >= max) {
                result.complete(new SimCall.KeyResult(pressed, false, false));
            } else {
                call.schedule(timeout, () -> result.complete(new SimCall.KeyResult(pressed, true, false)));
            }
        });
        return result;
    }

    private void phoneWaits() {
        SimChannel phone = call.phone();
        if (!phoneUp || phone.hungUp() || phone.application().equals("Wait")) {
            return;
        }
        phone.position(CONTEXT, exten, 2);
        phone.application("Wait", "");
        call.emit(Events.newexten(phone, "Wait", ""));
    }

    /** The caller hangs up from the phone. */
    void hangsUp() {
        if (hangupTimer != null) {
            hangupTimer.cancel(false);
        }
        SimChannel phone = call.phone();
        SimChannel line = call.line();
        phone.position(phone.context(), phone.exten(), phone.priority() + 1);
        phone.application("Hangup", "");
        call.emit(Events.newexten(phone, "Hangup", ""));
        call.emit(Events.softHangupRequest(phone, HangupCause.NORMAL_CLEARING));
        call.emit(Events.cdr(call.records().phoneRecord("Hangup"), call.hub().zone()));
        call.emit(Events.hangupRequest(line, HangupCause.NORMAL_CLEARING));
        phone.markHungUp();
        call.emit(Events.hangup(phone, HangupCause.NORMAL_CLEARING));
        call.unregister(phone);
    }

    /** The {@code ;2} half is hanging up first: the phone gets its hangup request. */
    void remoteHangup(HangupCause cause) {
        if (hangupTimer != null) {
            hangupTimer.cancel(false);
        }
        String status = switch (cause) {
            case NO_ROUTE_DESTINATION -> "CHANUNAVAIL";
            case USER_BUSY -> "BUSY";
            case CONGESTION -> "CONGESTION";
            case NO_ANSWER -> "NOANSWER";
            default -> "";
        };
        if (!status.isEmpty()) {
            call.emit(Events.varSet(call.phone(), "CHANLOCALSTATUS", status));
        }
        call.emit(Events.hangupRequest(call.phone(), cause));
    }

    /** After the {@code ;2} half's {@code Hangup}: the phone follows. */
    void phoneHangsUpAfterLine(HangupCause cause) {
        SimChannel phone = call.phone();
        call.emit(Events.softHangupRequest(phone, HangupCause.NORMAL_CLEARING));
        phone.markHungUp();
        call.emit(Events.hangup(phone, cause));
        call.unregister(phone);
        String device = phone.name().substring(0, phone.name().lastIndexOf('-'));
        call.emit(Events.deviceStateChange(device, "NOT_INUSE"));
        call.emit(Events.cdr(call.records().phoneRecord(phone.application().isEmpty() ? "Wait" : phone.application()),
                call.hub().zone()));
    }
}
