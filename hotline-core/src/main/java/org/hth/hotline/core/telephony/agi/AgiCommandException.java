package org.hth.hotline.core.telephony.agi;

/**
 * An AGI command that did not do its work: Asterisk did not know it ({@code 510}), found its syntax wrong
 * ({@code 520}), or sent something that is not FastAGI. Unchecked, as it travels through
 * {@link java.util.concurrent.CompletionStage}s.
 */
public class AgiCommandException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    AgiCommandException(String message) {
        super(message);
    }
}
