/**
 * Referral rules: data ({@code config/referral-rules.yaml}) that choose a ticket's destinations and flags,
 * evaluated in order by a small rule engine, with the reason for every choice recorded.
 */
package org.hth.hotline.core.referral.rules;
