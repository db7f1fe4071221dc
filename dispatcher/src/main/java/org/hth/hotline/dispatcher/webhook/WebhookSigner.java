package org.hth.hotline.dispatcher.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.hth.hotline.core.destination.WebhookSecret;

/**
 * Signs messages as the Standard Webhooks specification says: {@code v1,} and the base64 of
 * HMAC-SHA256 over {@code id.timestamp.body} with the secret's key; several secrets (a rotation window)
 * give several space-separated signatures. Thread-safe: each thread signs with a {@link Mac} of its own,
 * made once ({@code Mac.getInstance} looks the algorithm up among the providers, which costs more than the
 * signature).
 */
public final class WebhookSigner {
    private static final String ALGORITHM = "HmacSHA256";
    private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(WebhookSigner::newMac);

    /** One signature, e.g. {@code v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=}. */
    public String sign(WebhookSecret secret, String id, long timestampSeconds, String body) {
        Mac mac = macs.get();
        try {
            mac.init(new SecretKeySpec(secret.key(), ALGORITHM));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the webhook secret is not a valid " + ALGORITHM + " key", e);
        }
        byte[] signature = mac.doFinal((id + "." + timestampSeconds + "." + body).getBytes(StandardCharsets.UTF_8));
        return "v1," + Base64.getEncoder().encodeToString(signature);
    }

    /** The {@code webhook-signature} header value for every active secret, current first. */
    public String header(List<WebhookSecret> secrets, String id, long timestampSeconds, String body) {
        return secrets.stream().map(s -> sign(s, id, timestampSeconds, body)).collect(Collectors.joining(" "));
    }

    private static Mac newMac() {
        try {
            return Mac.getInstance(ALGORITHM);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(ALGORITHM + " is not available", e);
        }
    }

    static byte[] mac(WebhookSecret secret, String content) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(secret.key(), ALGORITHM));
            return mac.doFinal(content.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(ALGORITHM + " is not available", e);
        }
    }
}
