package org.hth.hotline.console.presence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.vertx.core.json.JsonObject;

import org.hth.hotline.console.testing.ApiServer;
import org.hth.hotline.console.testing.Browser.Answer;
import org.hth.hotline.core.live.LiveEvent;
import org.hth.hotline.core.roster.PresenceState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PresenceIT {
    @TempDir
    Path dir;
    ApiServer server;
    final List<LiveEvent> published = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        server = new ApiServer(dir);
        server.events.subscribe(published::add);
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    @Test
    void presenceChangeIsStoredAndPublished() {
        JsonObject answer = server.loggedIn("anna").put("/api/me/presence", new JsonObject().put("state", "AVAILABLE"))
                .assertStatus(200).json();

        assertThat(answer.getString("state")).isEqualTo("AVAILABLE");
        assertThat(server.store.roster().presence("op-anna")).hasValueSatisfying(
                p -> assertThat(p.state()).isEqualTo(PresenceState.AVAILABLE));
        assertThat(published).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo("presence.changed");
            assertThat(e.data()).containsEntry("operatorId", "op-anna").containsEntry("state", "AVAILABLE");
        });
    }

    @Test
    void wrapUpIsAccepted() {
        server.loggedIn("anna").put("/api/me/presence", new JsonObject().put("state", "WRAP_UP")).assertStatus(200);

        assertThat(server.store.roster().presence("op-anna").orElseThrow().state()).isEqualTo(PresenceState.WRAP_UP);
    }

    @Test
    void onCallCannotBeSetByHand() {
        Answer answer = server.loggedIn("anna").put("/api/me/presence", new JsonObject().put("state", "ON_CALL"))
                .assertStatus(400);

        assertThat(answer.json().getJsonObject("fields").getString("state")).startsWith("expected one of");
        assertThat(published).isEmpty();
    }

    @Test
    void unknownFieldIsRefused() {
        server.loggedIn("anna").put("/api/me/presence", new JsonObject().put("state", "AWAY").put("operatorId", "op-luca"))
                .assertStatus(400);

        assertThat(server.store.roster().presence("op-luca")).isEmpty();
    }

    @Test
    void aUserWhoIsNotAnOperatorGets403() {
        server.loggedIn("carla").put("/api/me/presence", new JsonObject().put("state", "AVAILABLE")).assertStatus(403);
    }
}
