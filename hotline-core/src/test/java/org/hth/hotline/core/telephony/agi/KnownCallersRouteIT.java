package org.hth.hotline.core.telephony.agi;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.hth.hotline.core.telephony.agi.FakeAsterisk.Dial;
import org.hth.hotline.core.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The route script with {@link KnownCallers}: no store read before the menu for a caller who has never called. */
class KnownCallersRouteIT {
    private final KnownCallers known = KnownCallers.ofSoleWriter();

    @RegisterExtension
    final RouteServerExtension server = new RouteServerExtension().knownCallers(known);

    @Test
    void aCallerWhoHasNeverCalledHearsTheMenuWithoutAStoreRead() {
        known.load(server.store.calls());

        FakeAsterisk call = new FakeAsterisk(RouteScriptIT.CALLER, "1795304357.61").linkedIdAsArgument()
                .then(Dial.answeredBy("op-anna", "PJSIP/op-anna-0000001b")).call(server.port());

        assertThat(call.commandsBeforeDial()).containsExactly(RouteScriptIT.MENU);
        assertThat(server.store.storeThreads).as("the caller's history was not read").isEmpty();
        assertThat(call.variables).containsEntry("HOTLINE_OUTCOME", "ANSWERED");
    }

    @Test
    void aCallerRecordedSinceIsReadAndKeepsTheirLanguage() {
        known.load(server.store.calls());
        String pseudonym = server.pseudonymiser.pseudonymOf(RouteScriptIT.CALLER).orElseThrow();
        known.recording(server.store.calls()).save(Fixtures.abandonedCall("1795300000.1",
                Instant.parse("2026-11-20T10:00:00Z"), pseudonym));

        FakeAsterisk call = new FakeAsterisk(RouteScriptIT.CALLER, "1795304357.62").linkedIdAsArgument()
                .menuReply("200 result=1").then(Dial.answeredBy("op-anna", "PJSIP/op-anna-00000001"))
                .call(server.port());

        assertThat(call.commandsBeforeDial()).isEmpty();
        assertThat(call.variables).containsEntry("HOTLINE_LANG", "en");
        assertThat(server.store.storeThreads).isNotEmpty();
    }

    @Test
    void untilItHasReadTheStoreEveryCallersHistoryIsRead() {
        FakeAsterisk call = new FakeAsterisk(RouteScriptIT.CALLER, "1795304357.63").linkedIdAsArgument()
                .then(Dial.answeredBy("op-anna", "PJSIP/op-anna-0000001b")).call(server.port());

        assertThat(call.commandsBeforeDial()).containsExactly(RouteScriptIT.MENU);
        assertThat(server.store.storeThreads).hasSize(1);
    }
}
