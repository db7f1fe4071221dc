package org.hth.hotline.ops.bench.jmh;

import java.util.Optional;

import org.hth.hotline.core.telephony.agi.AgiReply;
import org.hth.hotline.core.telephony.agi.AgiReplyParser;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * The FastAGI server's reading of each reply Asterisk sends to a command, on the call's event loop: the menu's
 * key, a Dial's, a variable read back, a timeout with data, a dead channel. One parser per connection, as in the
 * server.
 */
@State(Scope.Thread)
public class AgiReplyParserBenchmark extends MicroBenchmark {
    @Param({"200 result=49", "200 result=0", "200 result=1 (ANSWER)", "200 result= (timeout)",
            "511 Command Not Permitted on a dead channel or intercept routine"})
    public String line;

    private final AgiReplyParser parser = new AgiReplyParser();

    @Benchmark
    public Optional<AgiReply> feed() {
        return parser.feed(line);
    }
}
