package org.hth.hotline.standin.call;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The CDRs of a call as {@code cdr_manager} reports them: the phone's record, a record per Dial to a
 * channel that did not answer, and the line's main record. Confined to the call's loop.
 */
final class CallRecords {
    private final SimCall call;
    private final List<Events.CdrRecord> dialRecords = new ArrayList<>();
    private Instant answer;
    private String bridgedTo = "";
    private String lastApplication = "";
    private String lastData = "";

    CallRecords(SimCall call) {
        this.call = call;
    }

    void answered(Instant when) {
        answer = when;
    }

    /** The line ran an application (the main record's {@code LastApplication}, until it is bridged). */
    void application(String app, String data) {
        if (bridgedTo.isEmpty()) {
            lastApplication = app;
            lastData = data;
        }
    }

    void bridged(String peer, String dialData) {
        bridgedTo = peer;
        lastApplication = "Dial";
        lastData = dialData;
    }

    void unansweredDial(String dest, String disposition, String dialData, Instant start) {
        SimChannel line = call.line();
        dialRecords.add(new Events.CdrRecord(source(), line.exten(), line.context(), callerId(), line.name(), dest,
                "Dial", dialData, start, null, call.now(), disposition, line.uniqueid()));
    }

    void emitLineRecords() {
        SimChannel line = call.line();
        for (Events.CdrRecord r : dialRecords) {
            call.emit(Events.cdr(r, call.hub().zone()));
        }
        call.emit(Events.cdr(new Events.CdrRecord(source(), line.exten(), line.context(), callerId(), line.name(),
                bridgedTo, lastApplication, lastData, line.created(), answer, call.now(),
                answer == null ? "NO ANSWER" : "ANSWERED", line.uniqueid()), call.hub().zone()));
    }

    Events.CdrRecord phoneRecord(String lastApp) {
        SimChannel phone = call.phone();
        return new Events.CdrRecord(source(), phone.exten(), phone.context(), callerId(), phone.name(), "", lastApp,
                "", phone.created(), answer, call.now(), answer == null ? "NO ANSWER" : "ANSWERED", phone.uniqueid());
    }

    private String source() {
        return call.caller().withheld() ? "" : call.caller().number();
    }

    private String callerId() {
        CallerBehaviour c = call.caller();
        return c.withheld() ? "" : "\"" + c.name() + "\" <" + c.number() + ">";
    }
}
