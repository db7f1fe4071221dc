/**
 * The destinations of referrals (the UOR and the street units): their webhook address, signing secrets,
 * the fields each may receive, and the delivery policy, loaded from {@code config/destinations.yaml}.
 */
package org.hth.hotline.core.destination;
