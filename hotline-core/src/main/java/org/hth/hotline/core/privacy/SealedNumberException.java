package org.hth.hotline.core.privacy;

import org.hth.hotline.core.HotlineException;

/** A sealed number that cannot be opened: not in a known format, or altered, or sealed under another key. */
public class SealedNumberException extends HotlineException {
    public SealedNumberException(String message) {
        super(message);
    }

    public SealedNumberException(String message, Throwable cause) {
        super(message, cause);
    }
}
