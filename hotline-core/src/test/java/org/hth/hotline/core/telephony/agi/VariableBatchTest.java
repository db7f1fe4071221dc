package org.hth.hotline.core.telephony.agi;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What may ride on the first Dial ({@code B()}) and what must wait for {@code MSet}; no channel needed. */
class VariableBatchTest {
    private final VariableBatch batch = new VariableBatch(null);

    private VariableBatch theFour(String caller) {
        return batch.add("HOTLINE_CALL_ID", "1795304357.52").add("HOTLINE_CALLER", caller)
                .add("HOTLINE_LANG", "en").add("HOTLINE_STEP", "1");
    }

    @Test
    void theFourVariablesOfTheFirstDialGoAsTheArgumentsOfHotlineVarsInItsOrder() {
        batch.add("HOTLINE_STEP", "1").add("HOTLINE_LANG", "en").add("HOTLINE_CALLER", "withheld")
                .add("HOTLINE_CALL_ID", "1795304357.52");

        assertThat(batch.takeForDial()).contains("hotline-vars^s^1(1795304357.52^withheld^en^1)");
        assertThat(batch.takeForDial()).as("nothing is pending any more").isEmpty();
    }

    @Test
    void aValueAsteriskWouldSplitOrStripStaysForMSet() {
        for (String unsafe : new String[] {"a^b", "a,b", "a(b", "a)b", "a|b", "a b", "a\\\\b", "a\"b", "", "a=b"}) {
            VariableBatch fresh = new VariableBatch(null);
            fresh.add("HOTLINE_CALL_ID", "1795304357.52").add("HOTLINE_CALLER", unsafe).add("HOTLINE_LANG", "en")
                    .add("HOTLINE_STEP", "1");
            assertThat(fresh.takeForDial()).as(unsafe).isEmpty();
            assertThat(fresh.takeForDial()).as("still pending").isEmpty();
        }
        assertThat(theFour("NlxnIgfh_ShsNR-FvQo5").takeForDial()).as("base64url").isPresent();
    }

    @Test
    void anyOtherSetOfVariablesStaysForMSet() {
        theFour("ab12").add("HOTLINE_CALLBACK_TICKET", "T-1");
        assertThat(batch.takeForDial()).isEmpty();

        VariableBatch stepOnly = new VariableBatch(null).add("HOTLINE_STEP", "2");
        assertThat(stepOnly.takeForDial()).isEmpty();
    }

    @Test
    void whatTheDialTookIsPendingAgainWhenTheDialFailed() {
        String first = theFour("ab12").takeForDial().orElseThrow();
        batch.giveBackFromDial();

        assertThat(batch.takeForDial()).contains(first);
    }
}
