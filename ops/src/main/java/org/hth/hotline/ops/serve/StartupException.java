package org.hth.hotline.ops.serve;

import org.hth.hotline.core.HotlineException;

/**
 * The server cannot start: the message names the configuration key at fault and what to do. The command
 * line prints it alone (no stack trace) and exits non-zero.
 */
public class StartupException extends HotlineException {
    public StartupException(String message) {
        super(message);
    }

    public StartupException(String message, Throwable cause) {
        super(message, cause);
    }
}
