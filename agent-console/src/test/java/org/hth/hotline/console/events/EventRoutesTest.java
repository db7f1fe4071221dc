package org.hth.hotline.console.events;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EventRoutesTest {
    @Test
    void originDropsPathAndDefaultPort() {
        assertThat(EventRoutes.originOf("https://Hotline.Example:443/console")).isEqualTo("https://hotline.example");
        assertThat(EventRoutes.originOf("http://localhost:8080")).isEqualTo("http://localhost:8080");
        assertThat(EventRoutes.originOf("http://localhost:80")).isEqualTo("http://localhost");
    }
}
