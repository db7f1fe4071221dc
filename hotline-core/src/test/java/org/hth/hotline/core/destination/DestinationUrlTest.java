package org.hth.hotline.core.destination;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;

import org.junit.jupiter.api.Test;

class DestinationUrlTest {

    @Test
    void httpsToAnyHostIsAccepted() {
        assertThat(DestinationUrl.parse(" https://uds.example/hook?t=1 ")).isEqualTo(URI.create("https://uds.example/hook?t=1"));
    }

    @Test
    void httpIsAcceptedOnlyToALoopbackHost() {
        assertThat(DestinationUrl.parse("http://127.0.0.1:8080/hook").getHost()).isEqualTo("127.0.0.1");
        assertThat(DestinationUrl.parse("http://localhost/hook").getHost()).isEqualTo("localhost");
        assertThat(DestinationUrl.parse("http://[::1]:9/hook").getPort()).isEqualTo(9);
        assertThatThrownBy(() -> DestinationUrl.parse("http://uds.example/hook"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("https:// is required");
        assertThatThrownBy(() -> DestinationUrl.parse("http://10.0.0.1/hook"))
                .hasMessageContaining("https:// is required");
    }

    @Test
    void relativeOtherSchemesCredentialsAndGarbageAreRefusedWithoutQuotingThem() {
        assertThatThrownBy(() -> DestinationUrl.parse("/hook")).hasMessageContaining("absolute https://");
        assertThatThrownBy(() -> DestinationUrl.parse("ftp://uds.example/")).hasMessageContaining("absolute https://");
        assertThatThrownBy(() -> DestinationUrl.parse("https://me:pw@uds.example/")).hasMessageNotContaining("pw");
        assertThatThrownBy(() -> DestinationUrl.parse("https://uds example/")).hasMessage("not a URL");
    }

    @Test
    void hostKeepsThePortAndDropsPathAndQuery() {
        assertThat(DestinationUrl.host(URI.create("https://uds.example:8443/hook?token=s3cret"))).isEqualTo("uds.example:8443");
        assertThat(DestinationUrl.host(URI.create("https://uds.example/hook?token=s3cret"))).isEqualTo("uds.example");
    }
}
