package org.hth.hotline.ops.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;

import com.microsoft.playwright.Page;

import org.hth.hotline.console.auth.PasswordHasher;
import org.hth.hotline.core.config.ConfigLoader;
import org.hth.hotline.core.user.Role;
import org.hth.hotline.ops.TestEnvironments;
import org.hth.hotline.ops.serve.RunningServer;
import org.hth.hotline.ops.serve.ServerAssembly;
import org.hth.hotline.ops.users.UserAdder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class LoginBrowserIT {
    @RegisterExtension
    static final Browser BROWSER = new Browser();

    @TempDir
    Path dataDir;

    private RunningServer server;

    @BeforeEach
    void start() {
        server = ServerAssembly.start(ConfigLoader.load(Optional.empty(),
                TestEnvironments.serverEnv(dataDir, TestEnvironments.freePort())), Clock.systemUTC());
        new UserAdder(server.store().users(), new PasswordHasher(1024, 1, 1, new SecureRandom()), Clock.systemUTC())
                .add("marta", Set.of(Role.COORDINATOR), Optional.empty(), "a long enough secret".toCharArray());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private Page open() {
        Page page = BROWSER.newPage(1280, 800);
        page.navigate("http://localhost:" + server.consolePort() + "/");
        return page;
    }

    @Test
    void aCoordinatorLogsInAndSeesTheirViews() {
        Page page = open();
        page.getByLabel("Utente").fill("marta");
        page.getByLabel("Password").fill("a long enough secret");
        page.getByText("Entra").click();

        assertThat(page.locator("#who")).containsText("marta");
        assertThat(page.locator("#nav")).containsText("Registro chiamate");
        assertThat(page.locator("#status")).hasText("collegato");
    }

    @Test
    void aWrongPasswordSaysSoWithoutSayingWhichPart() {
        Page page = open();
        page.getByLabel("Utente").fill("marta");
        page.getByLabel("Password").fill("not the password");
        page.getByText("Entra").click();

        assertThat(page.locator("#login-error")).hasText("Utente o password non validi.");
    }
}
