package org.hth.hotline.core.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneNumbersTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "3331234567|+393331234567",
            "333 123 4567|+393331234567",
            "333-123.45.67|+393331234567",
            "(333) 1234567|+393331234567",
            "+393331234567|+393331234567",
            "+39 333 123 4567|+393331234567",
            "00393331234567|+393331234567",
            "393331234567|+393331234567",
            "0101234567|+390101234567",
            "010 123 4567|+390101234567",
            "  3331234567  |+393331234567"})
    void italianFormsBecomeE164(String callerId, String expected) {
        assertThat(PhoneNumbers.normalise(callerId)).contains(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "+33612345678|+33612345678",
            "0033612345678|+33612345678",
            "+234 803 123 4567|+2348031234567",
            "+40 721 234 567|+40721234567"})
    void internationalFormsBecomeE164(String callerId, String expected) {
        assertThat(PhoneNumbers.normalise(callerId)).contains(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"anonymous", "Anonymous", "unknown", "<unknown>", "restricted", "private", "withheld",
            "unavailable", "", "   "})
    void withheldMarkersGiveNothing(String callerId) {
        assertThat(PhoneNumbers.normalise(callerId)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"<script>3331234567</script>", "333\u00001234567", "3331234567\r\n", "333\u001b1234567",
            "333'1234567", "333;1234567", "+39+3331234567", "sip:3331234567@evil", "３３３１２３４５６７"})
    void markupAndControlCharactersGiveNothing(String callerId) {
        assertThat(PhoneNumbers.normalise(callerId)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"12", "33312", "+3912", "+1234567", "+1234567890123456", "0039", "00", "+", "5551234",
            "33312345678901", "0", "+0123456789"})
    void tooShortTooLongOrNotANumberGivesNothing(String callerId) {
        assertThat(PhoneNumbers.normalise(callerId)).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void nullAndHugeInputsGiveNothing() {
        assertThat(PhoneNumbers.normalise(null)).isEqualTo(Optional.empty());
        assertThat(PhoneNumbers.normalise("3".repeat(10_000))).isEmpty();
    }
}
