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
 * give several space-separated signatures. Stateless and thread-safe.
 */
public final class WebhookSigner {

    /** One signature, e.g. {@code v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=}. */
    public String sign(WebhookSecret secret, String id, long timestampSeconds, String body) {
        return "v1," + Base64.getEncoder().encodeToString(mac(secret, id + "." + timestampSeconds + "." + body));
    }

    /** The {@code webhook-signature} header value for every active secret, current first. */
    public String header(List<WebhookSecret> secrets, String id, long timestampSeconds, String body) {
        return secrets.stream().map(s -> sign(s, id, timestampSeconds, body)).collect(Collectors.joining(" "));
    }

    static byte[] mac(WebhookSecret secret, String content) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.key(), "HmacSHA256"));
            return mac.doFinal(content.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
