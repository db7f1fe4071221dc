package org.hth.hotline.standin.call;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.hth.hotline.standin.ami.AmiMessage;

/**
 * Compares the event order of calls modulo what changes from run to run on a real Asterisk (fixtures README):
 * {@code DeviceStateChange} and {@code QueueMemberStatus} (the recording system's queues) are dropped, a
 * channel's {@code Cdr} is moved right after that channel's {@code Hangup}, and the originate's
 * {@code OriginateResponse} right after the originate's {@code DialEnd} (it races with the phone's first
 * {@code Newexten}: compare recordings 01 and 03). Pure.
 */
public final class EventOrder {
    private static final Set<String> IGNORED = Set.of("DeviceStateChange", "QueueMemberStatus");

    private EventOrder() {
    }

    /** The normalised sequence of event types; responses (non-events) are dropped. */
    public static List<String> normalise(List<AmiMessage> messages) {
        List<AmiMessage> events = new ArrayList<>(messages.stream()
                .filter(m -> m.eventType().isPresent() && !IGNORED.contains(m.eventType().get())).toList());
        List<AmiMessage> cdrs = events.stream().filter(m -> m.eventType().get().equals("Cdr")).toList();
        events.removeAll(cdrs);
        for (AmiMessage cdr : cdrs) {
            String channel = cdr.getOrEmpty("Channel");
            int at = events.size();
            for (int i = 0; i < events.size(); i++) {
                AmiMessage e = events.get(i);
                if (e.eventType().get().equals("Hangup") && e.getOrEmpty("Channel").equals(channel)) {
                    at = i + 1;
                    while (at < events.size() && events.get(at).eventType().get().equals("Cdr")) {
                        at++;
                    }
                }
            }
            events.add(at, cdr);
        }
        events.stream().filter(m -> m.eventType().get().equals("OriginateResponse")).findFirst().ifPresent(r -> {
            events.remove(r);
            for (int i = 0; i < events.size(); i++) {
                if (events.get(i).eventType().get().equals("DialEnd")) {
                    events.add(i + 1, r);
                    return;
                }
            }
            events.add(r);
        });
        return events.stream().map(m -> m.eventType().get()).toList();
    }
}
