package org.hth.hotline.dispatcher.webhook;

/** The Standard Webhooks header names. */
public final class WebhookHeaders {
    public static final String ID = "webhook-id";
    public static final String TIMESTAMP = "webhook-timestamp";
    public static final String SIGNATURE = "webhook-signature";

    private WebhookHeaders() {
    }
}
