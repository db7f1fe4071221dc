package org.hth.hotline.core.referral;

/** Where a case is: one of the five local health authority areas of Liguria, or outside the region. */
public enum Territory {
    /** Ventimiglia, Sanremo, Imperia. */
    ASL1,
    /** Savona province. */
    ASL2,
    /** Genova. */
    ASL3,
    /** Chiavari, Lavagna. */
    ASL4,
    /** La Spezia. */
    ASL5,
    OUTSIDE_LIGURIA,
    /** Not known yet (a callback ticket for a missed call): an operator sets it before any referral. */
    UNKNOWN
}
