package org.hth.hotline.dispatcher.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.hth.hotline.core.destination.WebhookSecret;
import org.junit.jupiter.api.Test;

/** Against the Standard Webhooks specification's published test vector. */
class WebhookSignerTest {
    static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    static final String ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    static final long TIMESTAMP = 1614265330;
    static final String BODY = "{\"test\": 2432232314}";
    static final String EXPECTED = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";

    /** The scheme written out again, independently of the code under test. */
    static String independentSignature(String whsec, String id, long timestamp, String body) throws Exception {
        byte[] key = Base64.getDecoder().decode(whsec.substring("whsec_".length()));
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        String signed = id + "." + timestamp + "." + body;
        return "v1," + Base64.getEncoder().encodeToString(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void signerReproducesThePublishedTestVector() {
        assertThat(new WebhookSigner().sign(WebhookSecret.parse(SECRET), ID, TIMESTAMP, BODY)).isEqualTo(EXPECTED);
    }

    @Test
    void independentImplementationAgreesWithTheTestVector() throws Exception {
        assertThat(independentSignature(SECRET, ID, TIMESTAMP, BODY)).isEqualTo(EXPECTED);
    }

    @Test
    void duringARotationTheHeaderCarriesBothSignaturesAndEitherVerifies() throws Exception {
        WebhookSecret next = WebhookSecret.parse("whsec_" + Base64.getEncoder().encodeToString(new byte[32]));
        String header = new WebhookSigner().header(List.of(next, WebhookSecret.parse(SECRET)), ID, TIMESTAMP, BODY);
        assertThat(header.split(" ")).hasSize(2).contains(EXPECTED);
        SignatureVerifier verifier = new SignatureVerifier(Duration.ofMinutes(5));
        Instant now = Instant.ofEpochSecond(TIMESTAMP);
        assertThat(verifier.verify(Optional.of(ID), Optional.of(Long.toString(TIMESTAMP)), Optional.of(header), BODY,
                List.of(WebhookSecret.parse(SECRET)), now)).isEqualTo(SignatureVerifier.Result.VALID);
        assertThat(verifier.verify(Optional.of(ID), Optional.of(Long.toString(TIMESTAMP)), Optional.of(header), BODY,
                List.of(next), now)).isEqualTo(SignatureVerifier.Result.VALID);
    }

    @Test
    void verifierRefusesATamperedBodyAndAStaleTimestamp() {
        SignatureVerifier verifier = new SignatureVerifier(Duration.ofMinutes(5));
        List<WebhookSecret> secrets = List.of(WebhookSecret.parse(SECRET));
        Instant now = Instant.ofEpochSecond(TIMESTAMP);
        assertThat(verifier.verify(Optional.of(ID), Optional.of("1614265330"), Optional.of(EXPECTED), BODY + " ",
                secrets, now)).isEqualTo(SignatureVerifier.Result.BAD_SIGNATURE);
        assertThat(verifier.verify(Optional.of(ID), Optional.of("1614265330"), Optional.of(EXPECTED), BODY,
                secrets, now.plusSeconds(301))).isEqualTo(SignatureVerifier.Result.STALE_TIMESTAMP);
        assertThat(verifier.verify(Optional.empty(), Optional.of("1614265330"), Optional.of(EXPECTED), BODY,
                secrets, now)).isEqualTo(SignatureVerifier.Result.MISSING_HEADERS);
    }
}
