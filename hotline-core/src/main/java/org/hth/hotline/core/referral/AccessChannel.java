package org.hth.hotline.core.referral;

/** The eight channels through which a referral reaches the regional operational unit. */
public enum AccessChannel {
    NUMERO_VERDE,
    UCST_DESK,
    ATS,
    SAI_CAS,
    TERRITORIAL_COMMISSION,
    LAWYER,
    MSNA_FACILITY,
    HOSPITAL
}
