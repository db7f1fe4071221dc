package org.hth.hotline.core.telephony.ami;

import java.util.Map;
import java.util.Optional;

import org.asteriskjava.manager.event.AgiExecStartEvent;
import org.asteriskjava.manager.event.BridgeEnterEvent;
import org.asteriskjava.manager.event.BridgeLeaveEvent;
import org.asteriskjava.manager.event.CdrEvent;
import org.asteriskjava.manager.event.ConnectEvent;
import org.asteriskjava.manager.event.DialBeginEvent;
import org.asteriskjava.manager.event.DialEndEvent;
import org.asteriskjava.manager.event.DisconnectEvent;
import org.asteriskjava.manager.event.HangupEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.event.NewChannelEvent;
import org.asteriskjava.manager.event.NewExtenEvent;
import org.asteriskjava.manager.event.NewStateEvent;
import org.asteriskjava.manager.event.VarSetEvent;

/**
 * The AMI event types the hotline knows by name, and where an event says which call and channel it is about.
 * Asterisk-Java itself drops event types it has no class for (it logs them at INFO and never dispatches them),
 * so everything that reaches us is one of its classes. Stateless, thread-safe.
 */
final class AmiEvents {
    /** Label of every event type not in {@link #KNOWN}: keeps the metric's label set bounded. */
    static final String OTHER = "other";

    private static final Map<Class<? extends ManagerEvent>, String> KNOWN = Map.ofEntries(
            Map.entry(NewChannelEvent.class, "Newchannel"),
            Map.entry(NewStateEvent.class, "Newstate"),
            Map.entry(NewExtenEvent.class, "Newexten"),
            Map.entry(DialBeginEvent.class, "DialBegin"),
            Map.entry(DialEndEvent.class, "DialEnd"),
            Map.entry(BridgeEnterEvent.class, "BridgeEnter"),
            Map.entry(BridgeLeaveEvent.class, "BridgeLeave"),
            Map.entry(HangupEvent.class, "Hangup"),
            Map.entry(CdrEvent.class, "Cdr"),
            Map.entry(VarSetEvent.class, "VarSet"),
            Map.entry(AgiExecStartEvent.class, "AGIExecStart"),
            Map.entry(ConnectEvent.class, "Connect"),
            Map.entry(DisconnectEvent.class, "Disconnect"));

    private AmiEvents() {
    }

    /** The metric label of an event: its AMI name when known, else {@value #OTHER}. */
    static String type(ManagerEvent event) {
        return KNOWN.getOrDefault(event.getClass(), OTHER);
    }

    /** The linkedid an event carries, if any; a {@code Cdr} carries none (see {@link #uniqueId}). */
    static Optional<String> linkedId(ManagerEvent event) {
        String id = null;
        if (event instanceof NewChannelEvent e) {
            id = e.getLinkedid();
        } else if (event instanceof NewStateEvent e) {
            id = e.getLinkedId();
        } else if (event instanceof DialBeginEvent e) {
            id = e.getLinkedId();
        } else if (event instanceof DialEndEvent e) {
            id = e.getLinkedId();
        } else if (event instanceof BridgeEnterEvent e) {
            id = e.getLinkedId();
        } else if (event instanceof BridgeLeaveEvent e) {
            id = e.getLinkedId();
        } else if (event instanceof HangupEvent e) {
            id = e.getLinkedId();
        } else if (event instanceof VarSetEvent e) {
            id = e.getLinkedId();
        } else if (event instanceof NewExtenEvent e) {
            id = e.getLinkedId();
        } else if (event instanceof AgiExecStartEvent e) {
            id = e.getLinkedid();
        }
        return SafeText.clean(id);
    }

    /** The uniqueid of the channel an event is about, if any. */
    static Optional<String> uniqueId(ManagerEvent event) {
        String id = null;
        if (event instanceof NewChannelEvent e) {
            id = e.getUniqueId();
        } else if (event instanceof NewStateEvent e) {
            id = e.getUniqueId();
        } else if (event instanceof DialBeginEvent e) {
            id = e.getUniqueId();
        } else if (event instanceof DialEndEvent e) {
            id = e.getUniqueId();
        } else if (event instanceof BridgeEnterEvent e) {
            id = e.getUniqueId();
        } else if (event instanceof BridgeLeaveEvent e) {
            id = e.getUniqueId();
        } else if (event instanceof HangupEvent e) {
            id = e.getUniqueId();
        } else if (event instanceof VarSetEvent e) {
            id = e.getUniqueId();
        } else if (event instanceof CdrEvent e) {
            id = e.getUniqueId();
        } else if (event instanceof NewExtenEvent e) {
            id = e.getUniqueId();
        } else if (event instanceof AgiExecStartEvent e) {
            id = e.getUniqueId();
        }
        return SafeText.clean(id);
    }
}
