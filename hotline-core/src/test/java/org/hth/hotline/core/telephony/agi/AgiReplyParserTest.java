package org.hth.hotline.core.telephony.agi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;

/** Asterisk 22's replies, as recorded, and lines that are not replies. */
class AgiReplyParserTest {
    private final AgiReplyParser parser = new AgiReplyParser();

    private AgiReply one(String line) {
        return parser.feed(line).orElseThrow();
    }

    @Test
    void successWithResultDataAndEndpos() {
        AgiReply variable = one("200 result=1 (PJSIP/op-anna-0000001b)");
        assertThat(variable.status()).isEqualTo(200);
        assertThat(variable.resultCode()).isEqualTo(1);
        assertThat(variable.data()).contains("PJSIP/op-anna-0000001b");

        AgiReply stream = one("200 result=-1 endpos=0");
        assertThat(stream.resultCode()).isEqualTo(-1);
        assertThat(stream.data()).isEmpty();
        assertThat(stream.endpos()).isEqualTo(OptionalLong.of(0));

        AgiReply timeout = one("200 result= (timeout)");
        assertThat(timeout.result()).isEmpty();
        assertThat(timeout.resultCode()).as("not a number").isEqualTo(-1);
        assertThat(timeout.data()).contains("timeout");

        assertThat(one("200 result=1 (a (nested) value)").data()).contains("a (nested) value");
        assertThat(one("200 result=-2").resultCode()).isEqualTo(-2);
    }

    @Test
    void failuresOfOneLine() {
        assertThat(one("510 Invalid or unknown command").status()).isEqualTo(AgiReply.INVALID_OR_UNKNOWN_COMMAND);
        assertThat(one("511 Command Not Permitted on a dead channel or intercept routine").status())
                .isEqualTo(AgiReply.DEAD_CHANNEL);
        assertThat(one("520 Invalid command syntax.  Proper usage not available.").status())
                .isEqualTo(AgiReply.INVALID_COMMAND_SYNTAX);
    }

    @Test
    void the520UsageBlockIsOneReply() {
        assertThat(parser.feed("520-Invalid command syntax.  Proper usage follows:")).isEmpty();
        assertThat(parser.betweenReplies()).isFalse();
        assertThat(parser.feed("Sets a variable to the current channel.")).isEmpty();
        assertThat(parser.feed("200 result=1 looks like a reply but is usage text")).isEmpty();
        AgiReply usage = parser.feed("520 End of proper usage.").orElseThrow();

        assertThat(usage.status()).isEqualTo(520);
        assertThat(usage.lines()).hasSize(4).endsWith("520 End of proper usage.");
        assertThat(parser.betweenReplies()).isTrue();
        assertThat(one("200 result=0").resultCode()).isZero();
    }

    @Test
    void linesThatAreNotRepliesFail() {
        for (String bad : List.of("", "hello", "20 result=1", "2000 result=1", "200", "200 ok", "600 result=1",
                "510-Invalid or unknown command")) {
            assertThatThrownBy(() -> new AgiReplyParser().feed(bad)).as(bad).isInstanceOf(AgiCommandException.class);
        }
    }

    @Test
    void aUsageBlockThatNeverEndsFails() {
        parser.feed("520-Invalid command syntax.  Proper usage follows:");
        assertThatThrownBy(() -> {
            for (int i = 0; i <= AgiReplyParser.MAX_USAGE_LINES; i++) {
                parser.feed("more usage");
            }
        }).isInstanceOf(AgiCommandException.class);
    }

    @Test
    void everyReplyOfTheRecordedProtocolErrorsCall() throws IOException {
        List<String> lines;
        try (InputStream in = AgiReplyParserTest.class
                .getResourceAsStream("/fixtures/asterisk/05-protocol-errors/agi.in.wire")) {
            lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
        List<AgiReply> replies = new ArrayList<>();
        for (String line : lines.subList(lines.indexOf("") + 1, lines.size())) {
            if (!line.equals("HANGUP")) {
                parser.feed(line).ifPresent(replies::add);
            }
        }

        assertThat(replies).extracting(AgiReply::status).containsExactly(200, 200, 510, 520, 520, 200, 200, 200, 200,
                200, 200, 200, 200, 200, 200, 510, 200, 200, 200);
        assertThat(replies.get(1).resultCode()).isEqualTo(55);
        assertThat(replies.get(3).lines()).hasSize(4);
        assertThat(replies.get(8).data()).isEqualTo(Optional.of("Test Caller"));
        assertThat(replies.get(11).resultCode()).as("EXEC of no such application").isEqualTo(-2);
        assertThat(replies.get(17).data()).contains("timeout");
    }
}
