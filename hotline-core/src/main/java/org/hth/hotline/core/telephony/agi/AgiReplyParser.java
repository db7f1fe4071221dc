package org.hth.hotline.core.telephony.agi;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the lines Asterisk sends after a command into {@link AgiReply}s. A reply is one line, except the
 * {@code 520} usage block: {@code 520-Invalid command syntax.  Proper usage follows:}, the usage text, then
 * {@code 520 End of proper usage.}. One per connection, on its event loop; not thread-safe. Public for the
 * micro-benchmark ({@code ops/src/jmh}); the server is its only user.
 */
public final class AgiReplyParser {
    /** The most lines of a 520 block (Asterisk's longest usage texts have about 60). */
    static final int MAX_USAGE_LINES = 500;
    private static final Pattern STATUS = Pattern.compile("([1-5][0-9]{2})([ -]|$)(.*)");
    private static final Pattern RESULT = Pattern.compile("result=(\\S*)(.*)");
    private static final Pattern DATA = Pattern.compile(" \\((.*)\\)");
    private static final Pattern ENDPOS = Pattern.compile("endpos=(-?[0-9]{1,18})");

    /** The lines of a 520 block being read; null between replies. */
    private List<String> usage;

    /** True between replies: no 520 block is being read. */
    boolean betweenReplies() {
        return usage == null;
    }

    /**
     * Takes the next line.
     *
     * @return the reply this line completes; empty inside a 520 block
     * @throws AgiCommandException when the line is not a FastAGI reply
     */
    public Optional<AgiReply> feed(String line) {
        if (usage != null) {
            usage.add(line);
            if (line.startsWith(AgiReply.INVALID_COMMAND_SYNTAX + " ")) {
                List<String> lines = usage;
                usage = null;
                return Optional.of(new AgiReply(AgiReply.INVALID_COMMAND_SYNTAX, "", Optional.empty(),
                        OptionalLong.empty(), lines));
            }
            if (usage.size() > MAX_USAGE_LINES) {
                throw new AgiCommandException("AGI 520 reply longer than " + MAX_USAGE_LINES + " lines");
            }
            return Optional.empty();
        }
        Matcher status = STATUS.matcher(line);
        if (!status.matches()) {
            throw new AgiCommandException("not an AGI reply");
        }
        int code = Integer.parseInt(status.group(1));
        if ("-".equals(status.group(2))) {
            if (code != AgiReply.INVALID_COMMAND_SYNTAX) {
                throw new AgiCommandException("AGI multi-line reply with status " + code);
            }
            usage = new ArrayList<>();
            usage.add(line);
            return Optional.empty();
        }
        if (code != AgiReply.SUCCESS) {
            return Optional.of(new AgiReply(code, "", Optional.empty(), OptionalLong.empty(), List.of(line)));
        }
        Matcher result = RESULT.matcher(status.group(3));
        if (!result.matches()) {
            throw new AgiCommandException("AGI 200 reply without a result");
        }
        String rest = result.group(2);
        Matcher data = DATA.matcher(rest);
        Matcher endpos = ENDPOS.matcher(rest);
        return Optional.of(new AgiReply(code, result.group(1), data.find() ? Optional.of(data.group(1)) : Optional.empty(),
                endpos.find() ? OptionalLong.of(Long.parseLong(endpos.group(1))) : OptionalLong.empty(),
                List.of(line)));
    }
}
