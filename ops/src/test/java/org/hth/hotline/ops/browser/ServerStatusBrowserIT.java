package org.hth.hotline.ops.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;

import org.hth.hotline.console.auth.PasswordHasher;
import org.hth.hotline.core.config.ConfigLoader;
import org.hth.hotline.core.user.Role;
import org.hth.hotline.ops.TestEnvironments;
import org.hth.hotline.ops.serve.RunningServer;
import org.hth.hotline.ops.serve.ServerAssembly;
import org.hth.hotline.ops.users.UserAdder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shell says what is wrong as soon as the console starts: a server whose AMI secret is set but whose PBX port
 * is closed, and an operator who logs in sees the banner "Centralino non collegato" from {@code GET /api/status}
 * (no PBX event ever comes), which holds the parts' states and no secret.
 */
class ServerStatusBrowserIT {
    private static final String AMI_SECRET = "status-ami-secret";

    @RegisterExtension
    static final Browser BROWSER = new Browser();

    @TempDir
    Path dataDir;

    private RunningServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void operatorSeesAtOnceThatThePbxIsNotConnected() {
        Map<String, String> env = new HashMap<>(TestEnvironments.serverEnv(dataDir, TestEnvironments.freePort()));
        env.put("HOTLINE_AMI_SECRET", AMI_SECRET);
        env.put("HOTLINE_AMI_PORT", Integer.toString(TestEnvironments.freePort()));
        server = ServerAssembly.start(ConfigLoader.load(Optional.empty(), env), env, Clock.systemUTC());
        new UserAdder(server.store().users(), new PasswordHasher(1024, 1, 1, new SecureRandom()), Clock.systemUTC())
                .add("anna", Set.of(Role.OPERATOR), Optional.empty(), OperatorLine.PASSWORD.toCharArray());
        Page page = BROWSER.newPage(1280, 800);
        page.navigate("http://localhost:" + server.consolePort() + "/");
        page.getByLabel("Utente").fill("anna");
        page.getByLabel("Password").fill(OperatorLine.PASSWORD);

        Response status = page.waitForResponse(r -> r.url().endsWith("/api/status"),
                () -> page.getByText("Entra").click());

        assertThat(status.status()).isEqualTo(200);
        assertThat(status.text()).contains("\"pbx\":{\"state\":\"DOWN\"").contains("\"store\":{\"state\":\"UP\"}")
                .doesNotContain(AMI_SECRET);
        assertThat(page.locator("#banner")).isVisible();
        assertThat(page.locator("#banner")).containsText("Centralino non collegato");
        assertThat(page.locator("#banner")).not().containsText("Archivio");
    }
}
