package org.hth.hotline.ops.bench.jmh;

import java.util.concurrent.TimeUnit;

import org.hth.hotline.core.privacy.PhoneNumbers;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** {@link PhoneNumbers#normalise} on the caller IDs a trunk sends: national, international, withheld. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class PhoneNumbersBenchmark {
    @Param({"3331234567", "+39 333 123 4567", "0039010123456", "\"Test Caller\" <3331234567>", "anonymous"})
    public String callerId;

    @Benchmark
    public Object normalise() {
        return PhoneNumbers.normalise(callerId);
    }
}
