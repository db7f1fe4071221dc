package org.hth.hotline.core.destination;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.hth.hotline.core.referral.Territory;
import org.junit.jupiter.api.Test;

class DestinationsLoaderTest {

    @Test
    void sampleFileLoadsWithUrlsAndSecretsFromTheEnvironment() {
        Destinations destinations = TestDestinations.sample();
        assertThat(destinations.byId()).containsOnlyKeys("uor", "uds-asl1", "uds-asl2", "uds-asl3-4", "uds-asl5");
        assertThat(destinations.unitsOf(Territory.ASL4)).extracting(Destination::id).containsExactly("uds-asl3-4");
        assertThat(destinations.unitsOf(Territory.OUTSIDE_LIGURIA)).isEmpty();
        assertThat(destinations.find("uds-asl5").get().url()).hasValueSatisfying(u ->
                assertThat(u.toString()).isEqualTo("http://127.0.0.1:9/uds-asl5"));
        assertThat(destinations.delivery().schedule()).hasSize(8).startsWith(Duration.ZERO);
    }

    @Test
    void environmentVariableNamesUpperCaseTheIdAndReplaceDashes() {
        assertThat(Destination.environmentPrefix("uds-asl3-4")).isEqualTo("HOTLINE_DESTINATION_UDS_ASL3_4");
    }

    @Test
    void enabledDestinationWithoutSecretWaitsForItNamingTheVariable() {
        var env = new java.util.HashMap<>(TestDestinations.environment());
        env.remove("HOTLINE_DESTINATION_UDS_ASL5_SECRET");
        Destination asl5 = new DestinationsLoader(env).load(TestDestinations.SAMPLE).find("uds-asl5").orElseThrow();

        assertThat(asl5.enabled()).isTrue();
        assertThat(asl5.configured()).isFalse();
        assertThat(asl5.missing()).hasValueSatisfying(m -> assertThat(m)
                .contains("HOTLINE_DESTINATION_UDS_ASL5_SECRET").doesNotContain("whsec_A"));
    }

    @Test
    void enabledDestinationWithoutUrlOrSecretNamesBothVariables() {
        Destination uor = new DestinationsLoader(java.util.Map.of()).load(TestDestinations.SAMPLE).find("uor")
                .orElseThrow();

        assertThat(uor.missing()).contains(
                "no URL and no secret (HOTLINE_DESTINATION_UOR_URL, HOTLINE_DESTINATION_UOR_SECRET)");
    }

    @Test
    void secretWithoutPrefixIsRefusedWithoutShowingIt() {
        var env = new java.util.HashMap<>(TestDestinations.environment());
        env.put("HOTLINE_DESTINATION_UOR_SECRET", "plain-text-password-123456789");
        assertThatThrownBy(() -> new DestinationsLoader(env).load(TestDestinations.SAMPLE))
                .isInstanceOf(DestinationConfigException.class)
                .hasMessageContaining("whsec_").hasMessageNotContaining("plain-text-password");
    }

    @Test
    void unknownKeyAndUnknownFieldAreNamed() {
        String yaml = "destinations:\n  - {id: uor, url: 'https://x/', fields: [urgency], colour: red}\n";
        assertThatThrownBy(() -> new DestinationsLoader(TestDestinations.environment()).parse(yaml))
                .hasMessageContaining("uor").hasMessageContaining("colour");
        String fields = "destinations:\n  - {id: uor, url: 'https://x/', fields: [urgency, passport]}\n";
        assertThatThrownBy(() -> new DestinationsLoader(TestDestinations.environment()).parse(fields))
                .hasMessageContaining("uor: fields").hasMessageContaining("passport");
    }

    @Test
    void unknownIdIsRefused() {
        String yaml = "destinations:\n  - {id: uds-asl9, url: 'https://x/', fields: [urgency]}\n";
        assertThatThrownBy(() -> new DestinationsLoader(TestDestinations.environment()).parse(yaml))
                .isInstanceOf(DestinationConfigException.class).hasMessageContaining("uds-asl9: id");
    }

    @Test
    void disabledDestinationNeedsNoUrlOrSecret() {
        String yaml = "destinations:\n  - {id: uds-asl2, enabled: false, fields: [urgency]}\n";
        Destinations d = new DestinationsLoader(Map.of()).parse(yaml);
        assertThat(d.find("uds-asl2").get().enabled()).isFalse();
    }

    @Test
    void previousSecretSignsOnlyUntilTheEndOfItsWindow() {
        var env = new java.util.HashMap<>(TestDestinations.environment());
        env.put("HOTLINE_DESTINATION_UOR_SECRET_PREVIOUS", "whsec_" + "A".repeat(32));
        env.put("HOTLINE_DESTINATION_UOR_SECRET_PREVIOUS_UNTIL", "2026-12-01T00:00:00Z");
        SigningSecrets secrets = new DestinationsLoader(env).load(TestDestinations.SAMPLE).find("uor").get()
                .secrets().orElseThrow();
        assertThat(secrets.activeAt(Instant.parse("2026-11-30T23:59:59Z"))).hasSize(2);
        assertThat(secrets.activeAt(Instant.parse("2026-12-01T00:00:00Z"))).hasSize(1);
    }

    @Test
    void previousSecretWithoutWindowEndIsRefused() {
        var env = new java.util.HashMap<>(TestDestinations.environment());
        env.put("HOTLINE_DESTINATION_UOR_SECRET_PREVIOUS", "whsec_" + "A".repeat(32));
        assertThatThrownBy(() -> new DestinationsLoader(env).load(TestDestinations.SAMPLE))
                .hasMessageContaining("HOTLINE_DESTINATION_UOR_SECRET_PREVIOUS");
    }

    @Test
    void badDurationInDeliveryIsNamed() {
        String yaml = "delivery: {totalTimeout: soon}\ndestinations:\n  - {id: uor, enabled: false, fields: [urgency]}\n";
        assertThatThrownBy(() -> new DestinationsLoader(Map.of()).parse(yaml))
                .hasMessageContaining("delivery: totalTimeout");
    }

    @Test
    void secretNeverShowsInToString() {
        assertThat(WebhookSecret.parse(TestDestinations.SECRET).toString()).doesNotContain("MfKQ");
    }
}
