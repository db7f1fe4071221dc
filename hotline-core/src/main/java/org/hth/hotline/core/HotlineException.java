package org.hth.hotline.core;

/**
 * Root of every failure the hotline modules raise on purpose. Unchecked; subclasses are named for the
 * failure and carry the id (call, ticket, key) that a log line or an error answer needs.
 */
public class HotlineException extends RuntimeException {
    public HotlineException(String message) {
        super(message);
    }

    public HotlineException(String message, Throwable cause) {
        super(message, cause);
    }
}
