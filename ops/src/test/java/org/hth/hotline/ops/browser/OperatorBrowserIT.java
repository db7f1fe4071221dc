package org.hth.hotline.ops.browser;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;

import org.hth.hotline.core.call.CallRecord;
import org.hth.hotline.core.live.LiveEvent;
import org.hth.hotline.standin.call.CallerBehaviour;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The operator's console in Chromium against a running server and the Asterisk stand-in: an operator logs in,
 * goes available, is rung by a simulated call (the incoming-call screen shows language and history within 1 s),
 * the call is answered and ended by the stand-in's scenario, notes are saved, the operator files a ticket and sees
 * it delivered to a WireMock receiver; markup in notes and summaries stays text; a coordinator endpoint is 403.
 * Screenshots at laptop and phone size go to {@code target/screenshots/}.
 */
class OperatorBrowserIT {
    static final String XSS = "<img src=x onerror=\"window.__xss=1\"><script>window.__xss=2</script>";
    static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    /** op-anna answers 3 s after she is rung and talks for 4 s; the caller presses 2 (English). */
    static final String SCENARIO = """
            speed: 1
            endpoints:
              PJSIP/op-anna: { answer: 3s, talk: 4s }
            default-endpoint: never-answer
            """;

    @RegisterExtension
    static final Browser BROWSER = new Browser();

    @RegisterExtension
    static final WireMockExtension RECEIVER = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort()).build();

    @TempDir
    Path dataDir;

    private OperatorLine line;

    @AfterEach
    void stop() {
        if (line != null) {
            line.close();
        }
    }

    private OperatorLine start() {
        RECEIVER.stubFor(post(urlEqualTo("/uor")).willReturn(aResponse().withStatus(204)));
        RECEIVER.stubFor(post(urlEqualTo("/asl5")).willReturn(aResponse().withStatus(204)));
        line = new OperatorLine(dataDir, SCENARIO, Map.of(
                "HOTLINE_DESTINATION_UOR_URL", RECEIVER.baseUrl() + "/uor",
                "HOTLINE_DESTINATION_UOR_SECRET", SECRET,
                "HOTLINE_DESTINATION_UDS_ASL5_URL", RECEIVER.baseUrl() + "/asl5",
                "HOTLINE_DESTINATION_UDS_ASL5_SECRET", SECRET));
        return line;
    }

    private Page logIn(String user, int width, int height) {
        return Browser.logIn(BROWSER.newPage(width, height), line.url(), user, OperatorLine.PASSWORD, "");
    }

    @Test
    void operatorTakesACallSeesTheCallerHistoryAndFilesATicketThatIsDelivered() throws Exception {
        start();
        CallerBehaviour caller = CallerBehaviour.testCaller().withKeys("2");
        // an earlier call from the same number, abandoned while ringing: it is the caller's history
        line.simulator().place(caller.hangingUpAfter(Duration.ofSeconds(2)), "").done().get();
        await().atMost(Duration.ofSeconds(15)).until(() -> line.server().store().calls()
                .byCaller(pseudonymOfTheOnlyCall(), 5).items().size() == 1);

        Page page = logIn("anna", 1280, 800);
        page.locator("#go-available").click();
        assertThat(page.locator("#presence-state")).hasText("disponibile");

        List<Long> rungAt = new CopyOnWriteArrayList<>();
        try (AutoCloseable sub = line.server().liveEvents().subscribe(e -> ringing(e, rungAt))) {
            line.simulator().place(caller, "");
            await().atMost(Duration.ofSeconds(15)).until(() -> !rungAt.isEmpty());
            LocatorAssertions.ContainsTextOptions withinOneSecond = new LocatorAssertions.ContainsTextOptions()
                    .setTimeout(1000);
            assertThat(page.locator("#incoming-language")).containsText("inglese", withinOneSecond);
            assertThat(page.locator("#history-summary")).containsText("Ha chiamato 1 volta prima", withinOneSecond);
            assertThat(System.nanoTime() - rungAt.get(0)).as("ns from call.ringing to the screen")
                    .isLessThan(1_000_000_000L);
        }
        assertThat(page.locator("#incoming")).not().containsText("3331234567");
        Files.createDirectories(SCREENSHOTS);
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("operator-laptop-ringing.png")));

        page.locator("#call-notes").fill("Note " + XSS);
        assertThat(page.locator("#incoming-title")).containsText("In conversazione",
                new LocatorAssertions.ContainsTextOptions().setTimeout(10_000));
        assertThat(page.locator("#presence-state")).hasText("chiusura chiamata",
                new LocatorAssertions.HasTextOptions().setTimeout(20_000));
        assertThat(page.locator("#notes-state")).hasText("Note salvate.");
        String callId = page.locator("#tf-callId").inputValue();
        CallRecord record = line.server().store().calls().find(callId).orElseThrow();
        assertThat(record.notes()).isEqualTo("Note " + XSS);
        assertThat(record.answeredBy()).contains("op-anna");

        fillTicket(page);
        page.locator("#ticket-submit").click();
        assertThat(page.locator("#ticket-done")).containsText("registrata");
        assertThat(page.locator("#ticket-rows [data-destination=uor]")).hasAttribute("data-state", "DELIVERED",
                new LocatorAssertions.HasAttributeOptions().setTimeout(15_000));
        assertThat(page.locator("#ticket-rows [data-destination=uds-asl5]")).hasAttribute("data-state", "DELIVERED");
        RECEIVER.verify(postRequestedFor(urlEqualTo("/uor")).withHeader("webhook-signature", containing("v1,"))
                .withRequestBody(matchingJsonPath("$.data.callId", com.github.tomakehurst.wiremock.client.WireMock
                        .equalTo(callId))));

        page.locator("[data-details]").first().click();
        assertThat(page.locator(".summary-text")).hasText("Sintesi " + XSS);
        assertThat(page.locator("img[src=x]")).hasCount(0);
        assertThat(page.evaluate("() => window.__xss === undefined")).isEqualTo(true);

        page.locator("#ready").click();
        assertThat(page.locator("#presence-state")).hasText("disponibile");
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("operator-laptop.png"))
                .setFullPage(true));
        Page phone = logIn("anna", 390, 844);
        assertThat(phone.locator("#ticket-rows [data-destination=uor]")).hasAttribute("data-state", "DELIVERED");
        phone.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("operator-phone.png")));
    }

    @Test
    void invalidTicketShowsTheServersMessagesNextToTheFieldsAndKeepsTheDraft() {
        start();
        Page page = logIn("anna", 390, 844);
        page.locator("#tf-summary").fill("bozza da non perdere");
        page.locator("#tf-person\\.ageBand").fill("15-17");
        page.locator("#ticket-submit").click();
        assertThat(page.locator(".field-error[data-field=accessChannel]")).containsText("required");
        assertThat(page.locator(".field-error[data-field='person.minor']")).containsText("under 18");
        assertThat(page.locator("[data-name=accessChannel] .field-error")).hasCount(1);

        page.reload();
        page.getByLabel("Utente").fill("anna");
        page.getByLabel("Password").fill(OperatorLine.PASSWORD);
        page.getByText("Entra").click();
        assertThat(page.locator("#tf-summary")).hasValue("bozza da non perdere");
    }

    @Test
    void anOperatorGets403OnACoordinatorEndpointAndTheNavOffersNoCoordinatorView() {
        start();
        Page page = logIn("anna", 1280, 800);
        Object status = page.evaluate("() => fetch('/api/calls').then(r => r.status)");
        assertThat(status).isEqualTo(403);
        assertThat(page.locator("#nav")).not().containsText("Registro chiamate");
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Operatore"))).isVisible();
    }

    private static void ringing(LiveEvent event, List<Long> rungAt) {
        if (event.type().equals("call.ringing") && "op-anna".equals(event.data().get("operatorId"))) {
            rungAt.add(System.nanoTime());
        }
    }

    private String pseudonymOfTheOnlyCall() {
        return line.server().store().calls().query(org.hth.hotline.core.call.CallQuery.all(5)).items().stream()
                .findFirst().flatMap(CallRecord::callerPseudonym).orElse("none");
    }

    private static void fillTicket(Page page) {
        page.locator("#tf-accessChannel").selectOption("NUMERO_VERDE");
        page.locator("#tf-urgency").selectOption("URGENT");
        page.locator("#tf-territory").selectOption("ASL5");
        page.locator("input[name=exploitation][value=LABOUR]").check();
        page.locator("input[name=needs][value=EMERGENCY_SHELTER]").check();
        page.locator("#tf-person\\.gender").selectOption("F");
        page.locator("#tf-person\\.ageBand").fill("18-25");
        page.locator("#tf-person\\.languages").fill("en");
        page.locator("#tf-consent").check();
        page.locator("#tf-summary").fill("Sintesi " + XSS);
    }
}
