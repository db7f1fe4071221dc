package org.hth.hotline.core.telephony.ami;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;

import org.hth.hotline.core.call.CallRecord;
import org.hth.hotline.core.call.RingAttempt;

/**
 * The call meters: {@code hotline_calls_total{outcome}}, the {@code hotline_call_wait_seconds} and
 * {@code hotline_call_talk_seconds} histograms, {@code hotline_ring_attempts_total{result}}. Labels are enum names
 * only. Thread-safe.
 */
final class CallMetrics {
    private final MeterRegistry registry;
    private final DistributionSummary wait;
    private final DistributionSummary talk;

    CallMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.wait = DistributionSummary.builder("hotline.call.wait").baseUnit("seconds")
                .description("Seconds from arrival to answer, or to hang-up when never answered")
                .publishPercentileHistogram().register(registry);
        this.talk = DistributionSummary.builder("hotline.call.talk").baseUnit("seconds")
                .description("Seconds from answer to the end of the conversation, answered calls only")
                .publishPercentileHistogram().register(registry);
    }

    void recorded(CallRecord call) {
        Counter.builder("hotline.calls").description("Calls recorded, by outcome")
                .tag("outcome", call.outcome().name()).register(registry).increment();
        wait.record(call.waitSeconds());
        if (call.answeredAt().isPresent()) {
            talk.record(call.talkSeconds());
        }
        for (RingAttempt attempt : call.attempts()) {
            Counter.builder("hotline.ring.attempts").description("Endpoints rung, by result")
                    .tag("result", attempt.result().name()).register(registry).increment();
        }
    }
}
