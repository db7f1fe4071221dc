package org.hth.hotline.core.telephony.agi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

import org.junit.jupiter.api.Test;

class ClientAllowListTest {
    private final ClientAllowList allowList = ClientAllowList.parse(List.of("127.0.0.1", "10.0.0.0/24", "fd00::/8"));

    @Test
    void addressesInsideAreAllowed() throws UnknownHostException {
        assertThat(allowList.allows(InetAddress.getByName("127.0.0.1"))).isTrue();
        assertThat(allowList.allows(InetAddress.getByName("10.0.0.200"))).isTrue();
        assertThat(allowList.allows(InetAddress.getByName("fd12::5"))).isTrue();
    }

    @Test
    void addressesOutsideAreRefused() throws UnknownHostException {
        assertThat(allowList.allows(InetAddress.getByName("127.0.0.2"))).isFalse();
        assertThat(allowList.allows(InetAddress.getByName("10.0.1.1"))).isFalse();
        assertThat(allowList.allows(InetAddress.getByName("::1"))).isFalse();
    }

    @Test
    void hostNamesAndBadPrefixesAreRefusedAtConfiguration() {
        assertThatThrownBy(() -> ClientAllowList.parse(List.of("asterisk.example.org"))).hasMessageContaining("agi.allowedClients");
        assertThatThrownBy(() -> ClientAllowList.parse(List.of("10.0.0.0/33"))).hasMessageContaining("prefix");
    }
}
