package org.hth.hotline.ops.bench.jmh;


import org.hth.hotline.core.privacy.CallerPseudonymiser;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * The route script's first step for every caller: normalise {@code agi_callerid} and take its HMAC-SHA-256
 * pseudonym. One shared instance, as in the server (each call on its own AGI worker thread).
 */
@State(Scope.Benchmark)
public class PseudonymiserBenchmark extends MicroBenchmark {
    private final CallerPseudonymiser pseudonymiser = new CallerPseudonymiser(new byte[32]);

    @Benchmark
    public Object italianMobileAsSent() {
        return pseudonymiser.pseudonymOf("3331234567");
    }

    @Benchmark
    public Object internationalWithPlus() {
        return pseudonymiser.pseudonymOf("+234 803 123 4567");
    }

    @Benchmark
    public Object normalisedAlready() {
        return pseudonymiser.pseudonymOfNormalised("+393331234567");
    }
}
