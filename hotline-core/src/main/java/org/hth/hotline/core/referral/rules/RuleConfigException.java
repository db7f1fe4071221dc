package org.hth.hotline.core.referral.rules;

import org.hth.hotline.core.HotlineException;

/** {@code referral-rules.yaml} is invalid; the message names the rule and the key. */
public class RuleConfigException extends HotlineException {
    private final String rule;
    private final String key;

    public RuleConfigException(String rule, String key, String problem) {
        super("referral rules: " + rule + ": " + key + ": " + problem);
        this.rule = rule;
        this.key = key;
    }

    public String rule() {
        return rule;
    }

    public String key() {
        return key;
    }
}
