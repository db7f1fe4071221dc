package org.hth.hotline.core.telephony.agi;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One reply of Asterisk to an AGI command, as {@code res_agi.c} writes it: {@code 200 result=<result>
 * [(<data>)] [endpos=<n>]}, {@code 510 Invalid or unknown command}, {@code 511 Command Not Permitted on a dead
 * channel or intercept routine}, or the {@code 520} usage block. Immutable.
 *
 * @param status the three-digit code
 * @param result what follows {@code result=} up to the next space ({@code -1}, {@code 2}, or empty as in
 *               {@code 200 result= (timeout)}); empty for a status other than 200
 * @param data   the text in parentheses ({@code GET VARIABLE}'s value, {@code timeout}), when sent
 * @param endpos the {@code endpos=} of the streaming commands, when sent
 * @param lines  every line of the reply as received (several for 520)
 */
public record AgiReply(int status, String result, Optional<String> data, OptionalLong endpos, List<String> lines) {
    static final int SUCCESS = 200;
    static final int INVALID_OR_UNKNOWN_COMMAND = 510;
    static final int DEAD_CHANNEL = 511;
    static final int INVALID_COMMAND_SYNTAX = 520;

    public AgiReply {
        lines = List.copyOf(lines);
    }

    /** The result as a number; -1 when it is not one (as Asterisk-Java's {@code getResultCode()}). */
    int resultCode() {
        try {
            return Integer.parseInt(result);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
