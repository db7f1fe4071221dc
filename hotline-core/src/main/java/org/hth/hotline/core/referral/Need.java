package org.hth.hotline.core.referral;

/** What the person needs from the network. */
public enum Need {
    EMERGENCY_SHELTER,
    FIRST_ASSISTANCE,
    HEALTH,
    LEGAL,
    DOCUMENTS_PERMIT,
    PSYCHOLOGICAL,
    CULTURAL_MEDIATION,
    ASSISTED_RETURN,
    LABOUR_UNION
}
