package org.hth.hotline.ops.bench.jmh;

import java.util.Arrays;
import java.util.Base64;
import java.util.List;

import org.hth.hotline.core.destination.WebhookSecret;
import org.hth.hotline.dispatcher.webhook.WebhookSigner;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The dispatcher's signature of every webhook it sends: the {@code webhook-signature} header for one secret, and
 * for two (a rotation window), over a referral body of a typical size and over a long one (a summary near its
 * limit). One shared signer, as in the dispatcher.
 */
@State(Scope.Benchmark)
public class WebhookSignerBenchmark extends MicroBenchmark {
    private static final String ID = "msg_01JD4X6Q7W2C9V5R3T8Y1N0K6M";
    private static final long TIMESTAMP = 1_790_000_000L;

    /** Bytes of body: a referral as the bench sends it, and one with a long summary. */
    @Param({"700", "4000"})
    public int bodyBytes;

    private final WebhookSigner signer = new WebhookSigner();
    private WebhookSecret current;
    private WebhookSecret previous;
    private String body;

    @Setup
    public void setUp() {
        current = secret((byte) 7);
        previous = secret((byte) 9);
        StringBuilder json = new StringBuilder("{\"type\":\"referral.created\",\"timestamp\":\"2026-11-22T05:00:00Z\","
                + "\"data\":{\"ticketId\":\"01JD4X6Q7W2C9V5R3T8Y1N0K6M\",\"territory\":\"ASL5\",\"urgency\":\"URGENT\","
                + "\"summary\":\"");
        while (json.length() < bodyBytes - 3) {
            json.append("made-up summary ");
        }
        body = json.append("\"}}").toString();
    }

    @Benchmark
    public String oneSecret() {
        return signer.header(List.of(current), ID, TIMESTAMP, body);
    }

    @Benchmark
    public String rotationWindow() {
        return signer.header(List.of(current, previous), ID, TIMESTAMP, body);
    }

    private static WebhookSecret secret(byte fill) {
        byte[] key = new byte[32];
        Arrays.fill(key, fill);
        return WebhookSecret.parse(WebhookSecret.PREFIX + Base64.getEncoder().encodeToString(key));
    }
}
