package org.hth.hotline.core.telephony.agi;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DialStatusTest {
    @ParameterizedTest
    @CsvSource({"ANSWER,false", "CANCEL,false", "NOANSWER,true", "BUSY,true", "CHANUNAVAIL,true", "CONGESTION,true",
            "answer,false", "'',true", "WHATEVER,true"})
    void everyStatusButAnswerAndCancelMovesOn(String value, boolean movesOn) {
        assertThat(DialStatus.parse(value).movesOn()).isEqualTo(movesOn);
    }

    @org.junit.jupiter.api.Test
    void missingStatusIsUnknown() {
        assertThat(DialStatus.parse(null)).isEqualTo(DialStatus.UNKNOWN);
    }
}
