package org.hth.hotline.ops.browser;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;

import org.hth.hotline.console.auth.PasswordHasher;
import org.hth.hotline.core.config.ConfigLoader;
import org.hth.hotline.core.config.HotlineConfig;
import org.hth.hotline.core.outbox.OutboxEntry;
import org.hth.hotline.core.outbox.OutboxState;
import org.hth.hotline.core.referral.Ticket;
import org.hth.hotline.core.testing.Fixtures;
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

/**
 * A coordinator edits a destination in Chromium on a running server: moves the UOR's URL to a second WireMock
 * receiver and sees a referral arrive there, disables the UOR and sees the next referral wait in the outbox,
 * enables it and sees that referral delivered. The screenshot goes to
 * {@code target/screenshots/coordinator-destination-edit.png}.
 */
class DestinationEditBrowserIT {
    @RegisterExtension
    static final Browser BROWSER = new Browser();
    private static final Path SHOTS = Path.of("target", "screenshots");
    private static final LocatorAssertions.HasTextOptions SLOW = new LocatorAssertions.HasTextOptions().setTimeout(20_000);

    @TempDir
    Path dataDir;
    private WireMockServer configured;
    private WireMockServer moved;
    private RunningServer server;

    @BeforeEach
    void start() throws IOException {
        configured = receiver("/uor");
        moved = receiver("/moved");
        Map<String, String> env = new HashMap<>(TestEnvironments.serverEnv(dataDir, TestEnvironments.freePort()));
        env.put("HOTLINE_DESTINATION_UOR_URL", "http://127.0.0.1:" + configured.port() + "/uor");
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) 9);
        env.put("HOTLINE_DESTINATION_UOR_SECRET", "whsec_" + Base64.getEncoder().encodeToString(key));
        HotlineConfig config = ConfigLoader.load(Optional.empty(), env);
        server = ServerAssembly.start(config, env, Clock.systemUTC());
        new UserAdder(server.store().users(), new PasswordHasher(1024, 1, 1, new SecureRandom()), Clock.systemUTC())
                .add("marta", Set.of(Role.COORDINATOR), Optional.empty(), "a long enough secret".toCharArray());
        Files.createDirectories(SHOTS);
    }

    private static WireMockServer receiver(String path) {
        WireMockServer receiver = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
        receiver.start();
        receiver.stubFor(post(urlEqualTo(path)).willReturn(aResponse().withStatus(204)));
        return receiver;
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
        configured.stop();
        moved.stop();
    }

    @Test
    void aMovedUrlReceivesTheNextReferralADisabledDestinationsReferralWaitsUntilItIsEnabledAndAResetMovesItBack() {
        Page page = Browser.logIn(BROWSER.newPage(1280, 1000, "Europe/Rome"),
                "http://localhost:" + server.consolePort() + "/", "marta", "a long enough secret", "/deliveries");
        assertThat(page.locator("#destination-status-uor")).hasText("come da configurazione");

        // an address refused by the server is named under the field, and nothing changes
        page.fill("#destination-url-uor", "http://receiver.example/moved");
        page.click("#destination-save-uor");
        assertThat(page.locator("#destination-uor .field-error[data-field=url]")).containsText("https://");
        assertThat(server.store().destinations().overrides()).isEmpty();

        String movedUrl = "http://127.0.0.1:" + moved.port() + "/moved";
        page.fill("#destination-url-uor", movedUrl);
        page.click("#destination-save-uor");
        assertThat(page.locator("#destination-status-uor")).containsText("modificata da marta");
        assertThat(page.locator("#destination-url-uor")).hasValue(movedUrl);

        String first = refer("01JDESTEDIT0000000000000001");
        assertThat(page.locator("tr[data-entry-id='" + first + "'] .pill")).hasText("DELIVERED", SLOW);
        moved.verify(1, postRequestedFor(urlEqualTo("/moved")).withHeader("webhook-id", equalTo(first)));

        page.uncheck("#destination-enabled-uor");
        assertThat(page.locator("#destination-state-uor")).hasText("DISABLED", SLOW);
        String second = refer("01JDESTEDIT0000000000000002");
        // the dispatcher has looked at it and put it off: it waits, shown as pending
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            OutboxEntry waiting = server.store().outbox().find(second).orElseThrow();
            assertThat(waiting.state()).isEqualTo(OutboxState.PENDING);
            assertThat(waiting.nextAttemptAt()).isAfter(waiting.createdAt().plusSeconds(1));
        });
        page.selectOption("#delivery-state", "PENDING");
        assertThat(page.locator("tr[data-entry-id='" + second + "'] .pill")).hasText("PENDING");
        assertThat(page.locator("tr[data-entry-id='" + second + "'] td.num")).hasText("0");
        assertThat(page.locator("#delivery-depth")).containsText("In attesa 1");
        page.selectOption("#delivery-state", "");
        moved.verify(0, postRequestedFor(urlEqualTo("/moved")).withHeader("webhook-id", equalTo(second)));

        page.check("#destination-enabled-uor");
        assertThat(page.locator("tr[data-entry-id='" + second + "'] .pill")).hasText("DELIVERED", SLOW);
        moved.verify(1, postRequestedFor(urlEqualTo("/moved")).withHeader("webhook-id", equalTo(second)));
        configured.verify(0, anyRequestedFor(anyUrl()));
        assertThat(page.locator("#destination-status-uor")).containsText("Abilitata");
        page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("coordinator-destination-edit.png"))
                .setFullPage(true));

        // the change forgotten: the configured address takes the next referral again
        page.click("#destination-reset-uor");
        assertThat(page.locator("#destination-status-uor")).containsText("Ripristinata la configurazione");
        assertThat(page.locator("#destination-reset-uor")).hasCount(0);
        assertThat(server.store().destinations().overrides()).isEmpty();
        String third = refer("01JDESTEDIT0000000000000003");
        assertThat(page.locator("tr[data-entry-id='" + third + "'] .pill")).hasText("DELIVERED", SLOW);
        configured.verify(1, postRequestedFor(anyUrl()).withHeader("webhook-id", equalTo(third)));
        moved.verify(0, postRequestedFor(urlEqualTo("/moved")).withHeader("webhook-id", equalTo(third)));
    }

    /** A referral for the UOR written as the ticket service writes it; returns its outbox entry's id. */
    private String refer(String ticketId) {
        Ticket ticket = Fixtures.ticket(ticketId, Instant.now());
        String entry = "E" + ticketId;
        server.store().tickets().create(ticket, List.of(OutboxEntry.pending(entry, ticketId, "uor", "referral.created",
                "{\"ticket\":\"" + ticketId + "\"}", ticket.createdAt())));
        return entry;
    }
}
