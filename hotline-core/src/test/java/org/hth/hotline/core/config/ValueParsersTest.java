package org.hth.hotline.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;

import org.hth.hotline.core.config.internal.Durations;
import org.hth.hotline.core.config.internal.EnvNames;
import org.hth.hotline.core.config.internal.IpBlock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The small parsers behind the typed reader: durations, IP blocks, environment names. */
class ValueParsersTest {
    @ParameterizedTest
    @CsvSource({"250ms,PT0.25S", "5s,PT5S", "2m,PT2M", "1h,PT1H", "1d,PT24H", "PT5S,PT5S", "pt1m30s,PT1M30S"})
    void durationsParseInShortAndIsoForm(String text, String iso) {
        assertThat(Durations.parse(text)).hasValue(Duration.parse(iso));
    }

    @ParameterizedTest
    @ValueSource(strings = {"5", "5 sec", "s", "", "P", "1.5s", "-5s"})
    void durationsWithoutAKnownUnitDoNotParse(String text) {
        assertThat(Durations.parse(text)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"127.0.0.1,127.0.0.1,true", "10.0.0.0/8,10.200.3.4,true", "10.0.0.0/8,11.0.0.1,false",
                "::1,::1,true", "fd00::/8,fd12::5,true", "fd00::/8,fe80::1,false", "0.0.0.0/0,8.8.8.8,true",
                "127.0.0.1,::1,false"})
    void ipBlocksMatchAddressesInside(String block, String address, boolean inside) throws UnknownHostException {
        InetAddress client = literal(address);

        assertThat(IpBlock.parse(block)).hasValueSatisfying(b -> assertThat(b.contains(client)).isEqualTo(inside));
    }

    @ParameterizedTest
    @ValueSource(strings = {"localhost", "asterisk.local", "1.2.3", "1.2.3.256", "10.0.0.0/33", "::1/129",
                            "fe80::zz", "10.0.0.0/", "10.0.0.0/x", ""})
    void ipBlocksRefuseNamesAndBadLiteralsWithoutDns(String text) {
        assertThat(IpBlock.parse(text)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"dataDir,HOTLINE_DATA_DIR", "console.publicUrl,HOTLINE_CONSOLE_PUBLIC_URL",
                "agi.allowedClients,HOTLINE_AGI_ALLOWED_CLIENTS", "store,HOTLINE_STORE",
                "dispatcher.pollInterval,HOTLINE_DISPATCHER_POLL_INTERVAL", "ami.host,HOTLINE_AMI_HOST"})
    void envNamesAreUpperSnakeOfTheKeyPath(String key, String env) {
        assertThat(EnvNames.of(key)).isEqualTo(env);
    }

    @Test
    void agiConfigAllowsListedClientsOnly() throws UnknownHostException {
        AgiConfig agi = new AgiConfig("127.0.0.1", 4573, List.of("127.0.0.1", "10.1.0.0/16"), 1000, java.time.Duration.ofHours(72));

        assertThat(agi.allows(literal("10.1.2.3"))).isTrue();
        assertThat(agi.allows(literal("127.0.0.1"))).isTrue();
        assertThat(agi.allows(literal("10.2.0.1"))).isFalse();
        assertThat(agi.allows(literal("::1"))).isFalse();
    }

    private static InetAddress literal(String address) throws UnknownHostException {
        return InetAddress.getByName(address.contains(":") ? "[" + address + "]" : address);
    }
}
