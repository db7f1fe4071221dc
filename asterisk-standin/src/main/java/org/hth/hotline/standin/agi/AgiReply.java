package org.hth.hotline.standin.agi;

/**
 * Asterisk's reply to one AGI command.
 *
 * @param wire       the exact bytes of the reply, every line ending in {@code \n}
 * @param resultCode the {@code ResultCode} of the {@code AGIExecEnd} event (200, 510, 511, 520, -1)
 * @param amiResult  the {@code Result} of that event ({@code Success}, {@code Failure}, {@code Unknown Result}…)
 * @param failure    whether {@code res_agi} counts it as a failure (AGISTATUS becomes {@code FAILURE})
 */
public record AgiReply(String wire, int resultCode, String amiResult, boolean failure) {
    static AgiReply success(String line) {
        return new AgiReply(line + "\n", 200, "Success", false);
    }

    static AgiReply failed(String line) {
        return new AgiReply(line + "\n", -1, "Failure", true);
    }

    static AgiReply unknownResult(String line) {
        return new AgiReply(line + "\n", 200, "Unknown Result", false);
    }

    static AgiReply invalid() {
        return new AgiReply("510 Invalid or unknown command\n", 510, "Invalid or unknown command", false);
    }

    static AgiReply dead() {
        return new AgiReply("511 Command Not Permitted on a dead channel\n", 511,
                "Command not permitted on a dead channel", false);
    }

    static AgiReply usage(String usage) {
        String text = usage.isEmpty() ? "520 Invalid command syntax.  Proper usage not available.\n"
                : "520-Invalid command syntax.  Proper usage follows:\n" + usage + "520 End of proper usage.\n";
        return new AgiReply(text, 520, "Usage", false);
    }
}
