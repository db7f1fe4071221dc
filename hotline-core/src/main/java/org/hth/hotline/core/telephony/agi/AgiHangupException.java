package org.hth.hotline.core.telephony.agi;

/**
 * The call is gone: the FastAGI connection closed, or Asterisk refused a command on a dead channel
 * ({@code 511}).
 */
final class AgiHangupException extends AgiCommandException {
    private static final long serialVersionUID = 1L;

    AgiHangupException(String message) {
        super(message);
    }
}
