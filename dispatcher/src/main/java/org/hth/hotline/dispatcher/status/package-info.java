/**
 * The status endpoint destinations answer a referral at ({@code POST /api/referrals/{id}/status}),
 * authenticated by the destination's signing secret with the Standard Webhooks scheme.
 */
package org.hth.hotline.dispatcher.status;
