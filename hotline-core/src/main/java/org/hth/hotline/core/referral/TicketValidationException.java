package org.hth.hotline.core.referral;

import java.util.LinkedHashMap;
import java.util.Map;

import org.hth.hotline.core.HotlineException;

/** A ticket draft was refused; {@link #fields()} names each field at fault and why. */
public class TicketValidationException extends HotlineException {
    private final Map<String, String> fields;

    public TicketValidationException(Map<String, String> fields) {
        super("invalid ticket: " + String.join(", ", fields.keySet()));
        this.fields = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    /** Field name to message, in the order found. */
    public Map<String, String> fields() {
        return fields;
    }
}
