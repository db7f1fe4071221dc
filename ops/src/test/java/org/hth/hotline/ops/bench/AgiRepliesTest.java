package org.hth.hotline.ops.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AgiRepliesTest {

    @Test
    void recognisesAsteriskJavasDialAndKeepsItsArguments() {
        String line = "EXEC \"Dial\" \"PJSIP/op-anna,20,m(default)b(hotline-whisper^s^1(it))\"";

        assertThat(AgiReplies.isDial(line)).isTrue();
        assertThat(AgiReplies.dialArguments(line)).isEqualTo("PJSIP/op-anna,20,m(default)b(hotline-whisper^s^1(it))");
        assertThat(AgiReplies.isDial("EXEC \"Playback\" \"beep\"")).isFalse();
    }

    @Test
    void answersAsAsteriskForACallerWhoPressesOneAndAnOperatorWhoAnswers() {
        assertThat(AgiReplies.reply("GET DATA \"hotline/menu\" 5000 1", "1.2")).isEqualTo("200 result=1");
        assertThat(AgiReplies.reply("GET VARIABLE \"DIALSTATUS\"", "1.2")).isEqualTo("200 result=1 (ANSWER)");
        assertThat(AgiReplies.reply("GET VARIABLE \"CHANNEL(linkedid)\"", "1.2")).isEqualTo("200 result=1 (1.2)");
        assertThat(AgiReplies.reply("GET VARIABLE \"DIALEDPEERNAME\"", "1.2")).isEqualTo("200 result=0");
        assertThat(AgiReplies.reply("SET VARIABLE \"HOTLINE_CALL_ID\" \"1.2\"", "1.2")).isEqualTo("200 result=1");
        assertThat(AgiReplies.reply("ANSWER", "1.2")).isEqualTo("200 result=0");
    }

    @Test
    void namesACommandByItsVerbWithoutItsArguments() {
        assertThat(AgiReplies.verb("GET VARIABLE \"CHANNEL(linkedid)\"")).isEqualTo("GET VARIABLE");
        assertThat(AgiReplies.verb("EXEC \"Dial\" \"PJSIP/op-anna,20,m\"")).isEqualTo("EXEC Dial");
        assertThat(AgiReplies.verb("EXEC MSet \"A=1,B=2\"")).isEqualTo("EXEC MSet");
        assertThat(AgiReplies.verb("ANSWER")).isEqualTo("ANSWER");
        assertThat(AgiReplies.verb("get data \"hotline/menu\" 5000 1")).isEqualTo("GET DATA");
    }

    @Test
    void quotedWordsKeepTheirSpacesAndEscapes() {
        assertThat(AgiReplies.words("SET VARIABLE \"A B\" \"say \\\"hi\\\"\""))
                .containsExactly("SET", "VARIABLE", "A B", "say \"hi\"");
    }
}
