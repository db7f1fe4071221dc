package org.hth.hotline.core.telephony.agi;

import java.util.Optional;

import org.hth.hotline.core.privacy.CallerPseudonymiser;
import org.hth.hotline.core.privacy.PhoneNumbers;
import org.hth.hotline.core.telephony.ChannelVariables;

/**
 * Who is calling, as far as the script may know: the pseudonym, and the normalised number held in memory only
 * until it is sealed for a callback. {@link #toString()} never shows the number. Immutable.
 *
 * @param pseudonym empty when withheld or unusable
 * @param number    E.164, empty when withheld or unusable
 */
record CallerIdentity(Optional<String> pseudonym, Optional<String> number) {

    static CallerIdentity of(String rawCallerId, CallerPseudonymiser pseudonymiser) {
        Optional<String> number = PhoneNumbers.normalise(rawCallerId);
        return new CallerIdentity(number.map(pseudonymiser::pseudonymOfNormalised), number);
    }

    /** The value of {@code HOTLINE_CALLER}. */
    String variable() {
        return pseudonym.orElse(ChannelVariables.WITHHELD);
    }

    @Override
    public String toString() {
        return "CallerIdentity[" + variable() + "]";
    }
}
