package org.hth.hotline.dispatcher;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** The Standard Webhooks signature written out again for tests, independently of the code under test. */
public final class StandardWebhooks {
    private StandardWebhooks() {
    }

    /** {@code v1,} + base64(HMAC-SHA256(base64-decoded key after whsec_, id.timestamp.body)). */
    public static String signature(String whsec, String id, long timestamp, String body) {
        try {
            byte[] key = Base64.getDecoder().decode(whsec.substring("whsec_".length()));
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] digest = mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            return "v1," + Base64.getEncoder().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
