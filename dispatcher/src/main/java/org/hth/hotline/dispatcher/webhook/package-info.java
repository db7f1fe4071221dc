/**
 * The Standard Webhooks wire format: the JSON envelope, the {@code webhook-*} headers, HMAC-SHA256
 * signing with {@code whsec_} secrets (several during a rotation) and verification of signed requests.
 */
package org.hth.hotline.dispatcher.webhook;
