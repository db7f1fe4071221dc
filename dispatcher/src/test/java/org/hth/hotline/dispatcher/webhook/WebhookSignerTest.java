package org.hth.hotline.dispatcher.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import org.hth.hotline.core.destination.WebhookSecret;
import org.hth.hotline.dispatcher.StandardWebhooks;
import org.junit.jupiter.api.Test;

/** Against the Standard Webhooks specification's published test vector. */
class WebhookSignerTest {
    static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    static final String ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    static final long TIMESTAMP = 1614265330;
    static final String BODY = "{\"test\": 2432232314}";
    static final String EXPECTED = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";

    @Test
    void signerReproducesThePublishedTestVector() {
        assertThat(new WebhookSigner().sign(WebhookSecret.parse(SECRET), ID, TIMESTAMP, BODY)).isEqualTo(EXPECTED);
    }

    @Test
    void aSignerSigningForSeveralSecretsInTurnKeepsEachSignatureRight() {
        WebhookSigner signer = new WebhookSigner();
        WebhookSecret published = WebhookSecret.parse(SECRET);
        WebhookSecret other = WebhookSecret.parse("whsec_" + Base64.getEncoder().encodeToString(new byte[32]));
        String otherSignature = StandardWebhooks.signature("whsec_" + Base64.getEncoder().encodeToString(new byte[32]),
                ID, TIMESTAMP, BODY);
        for (int i = 0; i < 3; i++) {
            assertThat(signer.sign(published, ID, TIMESTAMP, BODY.getBytes(StandardCharsets.UTF_8))).isEqualTo(EXPECTED);
            assertThat(signer.sign(other, ID, TIMESTAMP, BODY)).isEqualTo(otherSignature).isNotEqualTo(EXPECTED);
            assertThat(signer.sign(WebhookSecret.parse(SECRET), ID, TIMESTAMP, BODY)).isEqualTo(EXPECTED);
        }
    }

    @Test
    void independentImplementationAgreesWithTheTestVector() {
        assertThat(StandardWebhooks.signature(SECRET, ID, TIMESTAMP, BODY)).isEqualTo(EXPECTED);
    }

    @Test
    void duringARotationTheHeaderCarriesBothSignaturesAndEitherVerifies() {
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
