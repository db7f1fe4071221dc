package org.hth.hotline.core.telephony.agi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.asteriskjava.fastagi.command.ExecCommand;
import org.asteriskjava.fastagi.command.GetDataCommand;
import org.asteriskjava.fastagi.command.GetVariableCommand;
import org.asteriskjava.fastagi.command.SetVariableCommand;
import org.junit.jupiter.api.Test;

/** The command lines are the very ones Asterisk-Java 3.42 wrote, and a line break cannot get into one. */
class AgiCommandTest {
    private static final List<String> VALUES = List.of("plain", "PJSIP/op-anna&PJSIP/+39333@trunk", "with space",
            "quote\"inside", "back\\slash", "both\\\"", "", "è unicode", "a,b^c(d)");

    @Test
    void sameLinesAsAsteriskJava() {
        for (String value : VALUES) {
            assertThat(AgiCommand.exec("Dial", value, "20", "m"))
                    .isEqualTo(new ExecCommand("Dial", new String[] {value, "20", "m"}).buildCommand());
            assertThat(AgiCommand.exec("MSet", value)).isEqualTo(new ExecCommand("MSet", value).buildCommand());
            assertThat(AgiCommand.setVariable("HOTLINE_X", value))
                    .isEqualTo(new SetVariableCommand("HOTLINE_X", value).buildCommand());
            assertThat(AgiCommand.getVariable(value)).isEqualTo(new GetVariableCommand(value).buildCommand());
            assertThat(AgiCommand.getData(value, 5000, 1))
                    .isEqualTo(new GetDataCommand(value, 5000L, 1).buildCommand());
        }
    }

    @Test
    void theRouteScriptsFirstDial() {
        assertThat(AgiCommand.exec("Dial", "PJSIP/op-anna", "20", "mA(hotline/whisper-en)B(hotline-vars^s^1(1.2^p^en^1))"))
                .isEqualTo("EXEC \"Dial\" \"PJSIP/op-anna,20,mA(hotline/whisper-en)B(hotline-vars^s^1(1.2^p^en^1))\"");
    }

    @Test
    void aLineBreakIsRefused() {
        assertThatThrownBy(() -> AgiCommand.setVariable("X", "a\nANSWER")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AgiCommand.exec("Dial", "a\rb")).isInstanceOf(IllegalArgumentException.class);
    }
}
