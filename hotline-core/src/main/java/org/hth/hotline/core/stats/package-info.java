/**
 * Statistics of a period of the call log and the referrals: counts per day and hour of the week, answer rate,
 * time to answer, abandoned calls, breakdowns, deliveries and operators' figures, computed from the store.
 */
package org.hth.hotline.core.stats;
