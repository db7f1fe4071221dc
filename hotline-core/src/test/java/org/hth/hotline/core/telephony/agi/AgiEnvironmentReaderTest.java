package org.hth.hotline.core.telephony.agi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;

import org.junit.jupiter.api.Test;

/** The {@code agi_*} environment, as recorded from Asterisk 22 and as others send it. */
class AgiEnvironmentReaderTest {
    private final AgiEnvironmentReader reader = new AgiEnvironmentReader();

    private Optional<AgiEnvironment> read(String text) {
        Optional<AgiEnvironment> last = Optional.empty();
        for (String line : text.split("\n", -1)) {
            last = reader.accept(line);
            if (last.isPresent()) {
                return last;
            }
        }
        return last;
    }

    @Test
    void theRecordedEnvironmentIsCompleteAndAsksForRoute() {
        String recorded = new FakeAsterisk("3331234567", "1795304357.52").linkedIdAsArgument().environment();
        AgiEnvironment environment = read(recorded).orElseThrow();

        assertThat(environment.isComplete()).isTrue();
        assertThat(environment.script()).isEqualTo("route");
        assertThat(environment.get("callerid")).contains("3331234567");
        assertThat(environment.get("arg_1")).contains("1795304357.52");
        assertThat(environment.get("accountcode")).contains("");
        assertThat(environment.get("nothing")).isEmpty();
        assertThat(environment.toString()).doesNotContain("3331234567");
    }

    @Test
    void nothingUntilTheEmptyLine() {
        assertThat(reader.accept("agi_network: yes")).isEmpty();
        assertThat(reader.accept("agi_network_script: route")).isEmpty();
        assertThat(reader.accept("")).hasValueSatisfying(environment -> {
            assertThat(environment.script()).isEqualTo("route");
            assertThat(environment.isComplete()).as("no agi_threadid, no channel").isFalse();
        });
    }

    @Test
    void somethingElseThanAsteriskIsNotComplete() {
        AgiEnvironment http = read("GET / HTTP/1.1\nHost: x\n\n").orElseThrow();

        assertThat(http.isComplete()).isFalse();
        assertThat(http.variables()).isEmpty();
        assertThat(http.script()).isEmpty();
    }

    @Test
    void anEnvironmentOfTooManyLinesFails() {
        assertThatThrownBy(() -> {
            for (int i = 0; i <= AgiEnvironmentReader.MAX_LINES; i++) {
                reader.accept("agi_arg_" + i + ": x");
            }
        }).isInstanceOf(AgiCommandException.class);
    }
}
