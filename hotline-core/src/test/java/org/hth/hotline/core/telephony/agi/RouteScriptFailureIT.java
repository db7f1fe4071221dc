package org.hth.hotline.core.telephony.agi;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The route script when it cannot route (no roster was ever loaded): it leaves the call to the dialplan. */
class RouteScriptFailureIT {
    @RegisterExtension
    final RouteServerExtension server = new RouteServerExtension().withoutRoster();

    @Test
    void aScriptThatFailsLeavesTheOutcomeEmptyButStillSetsTheCallsVariables() {
        FakeAsterisk call = new FakeAsterisk(RouteScriptIT.CALLER, "1795304359.1").linkedIdAsArgument()
                .call(server.port());

        assertThat(call.commandsStartingWith("EXEC Dial")).isEmpty();
        assertThat(call.variables).doesNotContainKey("HOTLINE_OUTCOME")
                .containsEntry("HOTLINE_CALL_ID", "1795304359.1")
                .containsEntry("HOTLINE_CALLER", server.pseudonymiser.pseudonymOf(RouteScriptIT.CALLER).orElseThrow())
                .containsEntry("HOTLINE_LANG", "en");
        assertThat(server.calls("failed")).isEqualTo(1.0);
        assertThat(server.renderedLogs()).doesNotContain(RouteScriptIT.CALLER);
    }
}
