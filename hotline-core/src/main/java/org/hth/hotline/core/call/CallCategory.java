package org.hth.hotline.core.call;

/** The operator's judgement of a call after it, as the Numero Verde's own reports count calls. */
public enum CallCategory {
    RELEVANT,
    NOT_RELEVANT,
    NUISANCE
}
