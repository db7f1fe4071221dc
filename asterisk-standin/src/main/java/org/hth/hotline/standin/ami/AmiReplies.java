package org.hth.hotline.standin.ami;

import java.net.InetSocketAddress;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** The replies and session events Asterisk 22 sends, field for field as in the recordings. Pure functions. */
final class AmiReplies {
    private static final DateTimeFormatter EVENT_TV =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSxx").withZone(ZoneOffset.UTC);

    private AmiReplies() {
    }

    static AmiMessage success(AmiMessage action, String message) {
        return AmiMessage.builder().add("Response", "Success").actionId(action).add("Message", message).build();
    }

    static AmiMessage error(AmiMessage action, String message) {
        return AmiMessage.builder().add("Response", "Error").actionId(action).add("Message", message).build();
    }

    static AmiMessage pong(AmiMessage action, Instant now) {
        String ts = now.getEpochSecond() + "." + String.format("%06d", now.getNano() / 1000);
        return AmiMessage.builder().add("Response", "Success").actionId(action)
                .add("Ping", "Pong").add("Timestamp", ts).build();
    }

    static AmiMessage goodbye(AmiMessage action) {
        return AmiMessage.builder().add("Response", "Goodbye").actionId(action)
                .add("Message", "Thanks for all the fish.").build();
    }

    static AmiMessage unknownAction(AmiMessage action, String name) {
        return error(action, "Invalid/unknown command: " + name
                + ". Use Action: ListCommands to show available commands.");
    }

    static AmiMessage fullyBooted(long uptimeSeconds) {
        return AmiMessage.of("Event", "FullyBooted", "Privilege", "system,all",
                "Uptime", Long.toString(uptimeSeconds), "LastReload", Long.toString(uptimeSeconds),
                "Status", "Fully Booted");
    }

    static AmiMessage successfulAuth(SessionInfo s, Instant now) {
        return AmiMessage.builder().add("Event", "SuccessfulAuth").add("Privilege", "security,all")
                .add("EventTV", EVENT_TV.format(now)).add("Severity", "Informational").add("Service", "AMI")
                .add("EventVersion", "1").add("AccountID", s.account()).add("SessionID", s.sessionId())
                .add("LocalAddress", address(s.local())).add("RemoteAddress", address(s.remote()))
                .add("UsingPassword", "0").add("SessionTV", EVENT_TV.format(s.started())).build();
    }

    static AmiMessage requestBadFormat(SessionInfo s, Instant now, String actionName) {
        return AmiMessage.builder().add("Event", "RequestBadFormat").add("Privilege", "security,all")
                .add("EventTV", EVENT_TV.format(now)).add("Severity", "Error").add("Service", "AMI")
                .add("EventVersion", "1").add("SessionID", s.sessionId())
                .add("LocalAddress", address(s.local())).add("RemoteAddress", address(s.remote()))
                .add("RequestType", "Action: " + actionName).add("SessionTV", EVENT_TV.format(s.started()))
                .add("AccountID", s.account()).build();
    }

    static AmiMessage invalidPassword(SessionInfo s, Instant now) {
        return AmiMessage.builder().add("Event", "InvalidPassword").add("Privilege", "security,all")
                .add("EventTV", EVENT_TV.format(now)).add("Severity", "Error").add("Service", "AMI")
                .add("EventVersion", "2").add("AccountID", s.account()).add("SessionID", s.sessionId())
                .add("LocalAddress", address(s.local())).add("RemoteAddress", address(s.remote()))
                .add("SessionTV", "1970-01-01T00:00:00.000+0000").build();
    }

    static AmiMessage coreShowChannel(AmiMessage action, AmiBackend.ChannelView c) {
        return AmiMessage.builder().add("Event", "CoreShowChannel").actionId(action).addAll(c.block())
                .add("Application", c.application()).add("ApplicationData", c.applicationData())
                .add("Duration", hms(c.seconds())).add("BridgeId", c.bridgeId()).build();
    }

    static AmiMessage status(AmiMessage action, AmiBackend.ChannelView c) {
        List<AmiField> block = c.block();
        String connectedNum = block.stream().filter(f -> f.key().equals("ConnectedLineNum"))
                .map(AmiField::value).findFirst().orElse("");
        String connectedName = block.stream().filter(f -> f.key().equals("ConnectedLineName"))
                .map(AmiField::value).findFirst().orElse("");
        return AmiMessage.builder().add("Event", "Status").add("Privilege", "Call").addAll(block)
                .add("Type", c.type()).add("DNID", "").add("EffectiveConnectedLineNum", connectedNum)
                .add("EffectiveConnectedLineName", connectedName).add("TimeToHangup", "0")
                .add("BridgeID", c.bridgeId()).add("Application", c.application()).add("Data", c.applicationData())
                .add("Nativeformats", "(slin)").add("Readformat", "slin").add("Readtrans", "")
                .add("Writeformat", "slin").add("Writetrans", "").add("Callgroup", "0").add("Pickupgroup", "0")
                .add("Seconds", Long.toString(c.seconds())).actionId(action).build();
    }

    static AmiMessage listStart(AmiMessage action, String message) {
        return AmiMessage.builder().add("Response", "Success").actionId(action).add("EventList", "start")
                .add("Message", message).build();
    }

    static AmiMessage listComplete(AmiMessage action, String event, int items, boolean withItems) {
        AmiMessage.Builder b = AmiMessage.builder().add("Event", event).actionId(action)
                .add("EventList", "Complete").add("ListItems", Integer.toString(items));
        if (withItems) {
            b.add("Items", Integer.toString(items));
        }
        return b.build();
    }

    private static String hms(long seconds) {
        return String.format("%02d:%02d:%02d", seconds / 3600, (seconds / 60) % 60, seconds % 60);
    }

    static String address(InetSocketAddress a) {
        return a == null ? "" : "IPV4/TCP/" + a.getAddress().getHostAddress() + "/" + a.getPort();
    }

    /** Who a session is, for the security events. */
    record SessionInfo(String account, String sessionId, InetSocketAddress local, InetSocketAddress remote,
                       Instant started) {
    }
}
