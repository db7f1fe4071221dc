/**
 * Delivering outbox entries: the delivery verticle (claim, send, settle), the retry policy with full
 * jitter, the per-destination circuit breaker and lasting alerts, and the delivery metrics.
 */
package org.hth.hotline.dispatcher.delivery;
