package org.hth.hotline.standin.call;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.hth.hotline.standin.ami.AmiField;
import org.hth.hotline.standin.ami.AmiMessage;

/** Builders of Asterisk 22's call events, field for field as in the recordings. Pure functions. */
public final class Events {
    private static final DateTimeFormatter CDR_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private Events() {
    }

    /** An event with the channel block of {@code c} and extra key/value pairs after it. */
    public static AmiMessage channel(String type, String privilege, SimChannel c, String... extra) {
        AmiMessage.Builder b = AmiMessage.builder().add("Event", type).add("Privilege", privilege).addAll(c.block());
        for (int i = 0; i < extra.length; i += 2) {
            b.add(extra[i], extra[i + 1]);
        }
        return b.build();
    }

    public static AmiMessage call(String type, SimChannel c, String... extra) {
        return channel(type, "call,all", c, extra);
    }

    public static AmiMessage newexten(SimChannel c, String app, String data) {
        return channel("Newexten", "dialplan,all", c, "Extension", c.exten(), "Application", app, "AppData", data);
    }

    public static AmiMessage varSet(SimChannel c, String variable, String value) {
        return channel("VarSet", "dialplan,all", c, "Variable", variable, "Value", value);
    }

    public static AmiMessage newCallerid(SimChannel c, String presentation) {
        return call("NewCallerid", c, "CID-CallingPres", presentation);
    }

    public static AmiMessage hangup(SimChannel c, HangupCause cause) {
        return call("Hangup", c, "Cause", Integer.toString(cause.code()), "Cause-txt", cause.text());
    }

    public static AmiMessage hangupRequest(SimChannel c, HangupCause cause) {
        return call("HangupRequest", c, "Cause", Integer.toString(cause.code()));
    }

    public static AmiMessage softHangupRequest(SimChannel c, HangupCause cause) {
        return call("SoftHangupRequest", c, "Cause", Integer.toString(cause.code()));
    }

    public static AmiMessage dtmf(SimChannel c, boolean begin, char digit) {
        return begin ? channel("DTMFBegin", "dtmf,all", c, "Digit", String.valueOf(digit), "Direction", "Received")
                : channel("DTMFEnd", "dtmf,all", c, "Digit", String.valueOf(digit), "DurationMs", "100",
                "Direction", "Received");
    }

    public static AmiMessage localBridge(SimChannel one, SimChannel two) {
        AmiMessage.Builder b = AmiMessage.builder().add("Event", "LocalBridge").add("Privilege", "call,all");
        prefixed(b, "LocalOne", one);
        prefixed(b, "LocalTwo", two);
        return b.add("Context", one.context()).add("Exten", one.exten()).add("LocalOptimization", "Yes").build();
    }

    /** {@code DialBegin}/{@code DialEnd}/{@code DialState}: the caller's block when there is one, then Dest*. */
    public static AmiMessage dial(String type, SimChannel caller, SimChannel dest, String... extra) {
        AmiMessage.Builder b = AmiMessage.builder().add("Event", type).add("Privilege", "call,all");
        if (caller != null) {
            b.addAll(caller.block());
        }
        prefixed(b, "Dest", dest);
        for (int i = 0; i < extra.length; i += 2) {
            b.add(extra[i], extra[i + 1]);
        }
        return b.build();
    }

    public static AmiMessage bridge(String type, String bridgeId, int channels, SimChannel c) {
        AmiMessage.Builder b = AmiMessage.builder().add("Event", type).add("Privilege", "call,all")
                .add("BridgeUniqueid", bridgeId).add("BridgeType", "basic").add("BridgeTechnology", "simple_bridge")
                .add("BridgeCreator", "<unknown>").add("BridgeName", "<unknown>")
                .add("BridgeNumChannels", Integer.toString(channels)).add("BridgeVideoSourceMode", "none");
        if (c != null) {
            b.addAll(c.block());
        }
        return b.build();
    }

    public static AmiMessage deviceStateChange(String device, String state) {
        return AmiMessage.of("Event", "DeviceStateChange", "Privilege", "call,all", "Device", device, "State", state);
    }

    /** A {@code Cdr} event of {@code cdr_manager}. */
    public static AmiMessage cdr(CdrRecord r, ZoneId zone) {
        long duration = Math.max(0, r.end().getEpochSecond() - r.start().getEpochSecond());
        long billable = r.answer() == null ? 0 : Math.max(0, r.end().getEpochSecond() - r.answer().getEpochSecond());
        return AmiMessage.builder().add("Event", "Cdr").add("Privilege", "cdr,all").add("AccountCode", "")
                .add("Source", r.source()).add("Destination", r.destination())
                .add("DestinationContext", r.destinationContext()).add("CallerID", r.callerId())
                .add("Channel", r.channel()).add("DestinationChannel", r.destinationChannel())
                .add("LastApplication", r.lastApplication()).add("LastData", r.lastData())
                .add("StartTime", time(r.start(), zone)).add("AnswerTime", r.answer() == null ? "" : time(r.answer(), zone))
                .add("EndTime", time(r.end(), zone)).add("Duration", Long.toString(duration))
                .add("BillableSeconds", Long.toString(billable)).add("Disposition", r.disposition())
                .add("AMAFlags", "DOCUMENTATION").add("UniqueID", r.uniqueid()).add("UserField", "").build();
    }

    private static String time(Instant i, ZoneId zone) {
        return CDR_TIME.format(i.atZone(zone));
    }

    private static void prefixed(AmiMessage.Builder b, String prefix, SimChannel c) {
        for (AmiField f : c.block()) {
            String key = f.key().equals("Channel") ? "Channel" : f.key();
            b.add(prefix + key, f.value());
        }
    }

    /** One CDR record, as {@code cdr_manager} sends it. */
    public record CdrRecord(String source, String destination, String destinationContext, String callerId,
                            String channel, String destinationChannel, String lastApplication, String lastData,
                            Instant start, Instant answer, Instant end, String disposition, String uniqueid) {
    }
}
