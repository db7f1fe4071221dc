package org.hth.hotline.core.store;

import org.hth.hotline.core.HotlineException;

/** A store operation failed: the database or Redis could not be reached or refused the operation. */
public class StoreException extends HotlineException {
    public StoreException(String message) {
        super(message);
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
