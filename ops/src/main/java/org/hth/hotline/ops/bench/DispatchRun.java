package org.hth.hotline.ops.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one {@code dispatch} run measured: per referral, from just before it was opened to the arrival of its
 * last webhook, and the throughput from the first opening to the last arrival; with the webhooks received,
 * grouped by referral in the order they were opened, for the baseline to post again. Immutable.
 *
 * @param ticketsPerSecond referrals per second, first opened to last received
 * @param latencyNanos     per referral, opened to its last webhook received
 * @param webhooks         per referral, the webhooks received
 */
record DispatchRun(double ticketsPerSecond, long[] latencyNanos, List<List<ReceivedWebhook>> webhooks) {

    static DispatchRun of(long start, Map<String, Long> created, List<ReceivedWebhook> received) {
        Map<String, List<ReceivedWebhook>> byTicket = new LinkedHashMap<>();
        Map<String, Long> lastArrival = new HashMap<>();
        long last = start;
        for (ReceivedWebhook webhook : received) {
            String ticket = webhook.ticketId();
            if (!created.containsKey(ticket)) {
                continue; // a late duplicate of an earlier run
            }
            byTicket.computeIfAbsent(ticket, t -> new ArrayList<>()).add(webhook);
            lastArrival.merge(ticket, webhook.arrivedNanos(), Math::max);
            last = Math.max(last, webhook.arrivedNanos());
        }
        long[] latencies = created.entrySet().stream()
                .mapToLong(e -> lastArrival.getOrDefault(e.getKey(), e.getValue()) - e.getValue()).toArray();
        List<List<ReceivedWebhook>> webhooks = created.entrySet().stream()
                .sorted(Map.Entry.comparingByValue()).map(e -> List.copyOf(byTicket.getOrDefault(e.getKey(), List.of())))
                .toList();
        return new DispatchRun(created.size() / ((last - start) / 1e9), latencies, webhooks);
    }
}
