package org.hth.hotline.ops.bench.jmh;


import org.hth.hotline.core.privacy.PhoneNumbers;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/** {@link PhoneNumbers#normalise} on the caller IDs a trunk sends: national, international, withheld. */
@State(Scope.Benchmark)
public class PhoneNumbersBenchmark extends MicroBenchmark {
    @Param({"3331234567", "+39 333 123 4567", "0039010123456", "\"Test Caller\" <3331234567>", "anonymous"})
    public String callerId;

    @Benchmark
    public Object normalise() {
        return PhoneNumbers.normalise(callerId);
    }
}
