package org.hth.hotline.core.referral;

/** How soon a referral must be acted on. */
public enum Urgency {
    IMMEDIATE_DANGER,
    URGENT,
    ORDINARY
}
