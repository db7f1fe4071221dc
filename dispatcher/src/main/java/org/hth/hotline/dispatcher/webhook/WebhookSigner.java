package org.hth.hotline.dispatcher.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.hth.hotline.core.destination.WebhookSecret;

/**
 * Signs messages as the Standard Webhooks specification says: {@code v1,} and the base64 of
 * HMAC-SHA256 over {@code id.timestamp.body} with the secret's key; several secrets (a rotation window)
 * give several space-separated signatures. Thread-safe: each thread signs with {@link Mac}s of its own, one per
 * secret, made and keyed once ({@code Mac.getInstance} looks the algorithm up among the providers, and keying
 * hashes the key's pads, which together cost more than the signature); a secret no longer used is forgotten
 * with it. The body is fed to the MAC as the bytes that are sent, without building the signed content.
 */
public final class WebhookSigner {
    private static final String ALGORITHM = "HmacSHA256";
    private static final byte DOT = '.';
    /** Per thread, the keyed MAC of each secret in use. */
    private final ThreadLocal<Map<WebhookSecret, Mac>> macs = ThreadLocal.withInitial(WeakHashMap::new);

    /** One signature, e.g. {@code v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=}. */
    public String sign(WebhookSecret secret, String id, long timestampSeconds, String body) {
        return sign(secret, id, timestampSeconds, body.getBytes(StandardCharsets.UTF_8));
    }

    /** One signature of the body as the UTF-8 bytes that are sent. */
    public String sign(WebhookSecret secret, String id, long timestampSeconds, byte[] body) {
        Mac mac = macs.get().computeIfAbsent(secret, WebhookSigner::keyed);
        mac.update(id.getBytes(StandardCharsets.UTF_8));
        mac.update(DOT);
        mac.update(Long.toString(timestampSeconds).getBytes(StandardCharsets.US_ASCII));
        mac.update(DOT);
        return "v1," + Base64.getEncoder().encodeToString(mac.doFinal(body));
    }

    /** The {@code webhook-signature} header value for every active secret, current first. */
    public String header(List<WebhookSecret> secrets, String id, long timestampSeconds, String body) {
        return header(secrets, id, timestampSeconds, body.getBytes(StandardCharsets.UTF_8));
    }

    /** The {@code webhook-signature} header value for every active secret, current first, over the body's bytes. */
    public String header(List<WebhookSecret> secrets, String id, long timestampSeconds, byte[] body) {
        StringBuilder header = new StringBuilder();
        for (WebhookSecret secret : secrets) {
            if (header.length() > 0) {
                header.append(' ');
            }
            header.append(sign(secret, id, timestampSeconds, body));
        }
        return header.toString();
    }

    private static Mac keyed(WebhookSecret secret) {
        Mac mac = newMac();
        try {
            mac.init(new SecretKeySpec(secret.key(), ALGORITHM));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the webhook secret is not a valid " + ALGORITHM + " key", e);
        }
        return mac;
    }

    private static Mac newMac() {
        try {
            return Mac.getInstance(ALGORITHM);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(ALGORITHM + " is not available", e);
        }
    }

    static byte[] mac(WebhookSecret secret, String content) {
        return keyed(secret).doFinal(content.getBytes(StandardCharsets.UTF_8));
    }
}
