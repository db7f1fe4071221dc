package org.hth.hotline.ops.browser;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;

import org.hth.hotline.console.auth.PasswordHasher;
import org.hth.hotline.core.call.CallOutcome;
import org.hth.hotline.core.call.CallRecord;
import org.hth.hotline.core.config.ConfigLoader;
import org.hth.hotline.core.config.HotlineConfig;
import org.hth.hotline.core.outbox.ClaimedEntry;
import org.hth.hotline.core.outbox.OutboxEntry;
import org.hth.hotline.core.referral.Ticket;
import org.hth.hotline.core.store.Store;
import org.hth.hotline.core.user.Role;
import org.hth.hotline.ops.TestEnvironments;
import org.hth.hotline.ops.serve.RunningServer;
import org.hth.hotline.ops.serve.ServerAssembly;
import org.hth.hotline.ops.users.UserAdder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The coordinator's views on a server seeded with {@link YearOfCalls} (a year of made-up calls and referrals, the
 * UOR receiving on WireMock): filter the log and open a timeline, statistics equal to figures counted here from
 * the fixture, roster check and refusal, replay of a dead letter, exports downloaded and parsed. Screenshots go to
 * {@code target/screenshots/coordinator-*.png}.
 */
class CoordinatorBrowserIT {
    @RegisterExtension
    static final Browser BROWSER = new Browser();
    private static final Path SHOTS = Path.of("target", "screenshots");
    private static final YearOfCalls YEAR = new YearOfCalls(2025);
    private static final LocatorAssertions.HasTextOptions SLOW = new LocatorAssertions.HasTextOptions().setTimeout(15_000);

    @TempDir
    static Path dataDir;

    private static WireMockServer uor;
    private static RunningServer server;
    private static String deadLetter;

    @BeforeAll
    static void start() throws IOException {
        uor = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
        uor.start();
        uor.stubFor(post(urlEqualTo("/uor")).willReturn(aResponse().withStatus(200)));
        Map<String, String> env = new HashMap<>(TestEnvironments.serverEnv(dataDir, TestEnvironments.freePort()));
        env.put("HOTLINE_DESTINATION_UOR_URL", "http://127.0.0.1:" + uor.port() + "/uor");
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) 7);
        env.put("HOTLINE_DESTINATION_UOR_SECRET", "whsec_" + Base64.getEncoder().encodeToString(key));
        HotlineConfig config = ConfigLoader.load(Optional.empty(), env);
        try (Store store = ServerAssembly.openStore(config, Clock.systemUTC())) {
            seed(store);
        }
        server = ServerAssembly.start(config, env, Clock.systemUTC());
        new UserAdder(server.store().users(), new PasswordHasher(1024, 1, 1, new SecureRandom()), Clock.systemUTC())
                .add("marta", Set.of(Role.COORDINATOR), Optional.empty(), "a long enough secret".toCharArray());
        Files.createDirectories(SHOTS);
    }

    /** The year's calls and tickets; every delivery to the UOR settled, the newest as a dead letter. */
    private static void seed(Store store) {
        YEAR.calls.forEach(store.calls()::save);
        for (Ticket t : YEAR.tickets) {
            store.tickets().create(t, List.of(OutboxEntry.pending("E" + t.id(), t.id(), "uor", "referral.created",
                    "{\"ticket\":\"" + t.id() + "\"}", t.createdAt())));
        }
        deadLetter = "E" + YEAR.tickets.get(YEAR.tickets.size() - 1).id();
        List<ClaimedEntry> claimed;
        while (!(claimed = store.outbox().claim("seed", 200, Duration.ofMinutes(5))).isEmpty()) {
            for (ClaimedEntry c : claimed) {
                if (c.id().equals(deadLetter)) {
                    store.outbox().deadLetter(c, "HTTP 503 from the destination");
                } else {
                    store.outbox().complete(c);
                }
            }
        }
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
        if (uor != null) {
            uor.stop();
        }
    }

    private Page login(String view) {
        return Browser.logIn(BROWSER.newPage(1280, 900, "Europe/Rome"),
                "http://localhost:" + server.consolePort() + "/", "marta", "a long enough secret", view);
    }

    private static void shot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("coordinator-" + name + ".png"))
                .setFullPage(true));
    }

    @Test
    void theLogFiltersByOutcomeAndLanguageAndOpensACallsTimeline() {
        Page page = login("/calls");
        assertThat(page.locator("#calls-body tr").first()).isVisible();
        page.selectOption("#outcome", "ABANDONED");
        page.fill("#language", "ar");
        page.click("#call-filters button[type=submit]");
        Locator rows = page.locator("#calls-body tr");
        assertThat(rows.first().locator(".pill")).hasText("ABANDONED");
        for (String text : rows.locator("td:nth-child(3)").allTextContents()) {
            assertThat(text).isEqualTo("ar");
        }
        for (String text : rows.locator(".pill").allTextContents()) {
            assertThat(text).isEqualTo("ABANDONED");
        }
        shot(page, "calls");

        page.selectOption("#outcome", "");
        page.fill("#language", "");
        page.selectOption("#hasTicket", "true");
        page.click("#call-filters button[type=submit]");
        assertThat(rows.first().locator("td:nth-child(8)")).hasText("1");
        rows.first().locator("a").click();
        assertThat(page.locator("#timeline")).containsText("Squillo passo");
        assertThat(page.locator("#timeline")).containsText("Risposta");
        assertThat(page.locator("#call-tickets")).containsText("uor", new LocatorAssertions.ContainsTextOptions()
                .setTimeout(10_000));
        shot(page, "call-timeline");
    }

    @Test
    void aBadFilterIsNamedUnderItsField() {
        Page page = login("/calls");
        page.fill("#language", "Italian!");
        page.click("#call-filters button[type=submit]");
        assertThat(page.locator(".field-error[data-field=language]")).containsText("ISO 639");
    }

    @Test
    void theStatisticsOfTheYearEqualTheFiguresCountedFromTheFixture() {
        List<CallRecord> calls = YEAR.calls;
        long answered = calls.stream().filter(c -> c.outcome() == CallOutcome.ANSWERED).count();
        long abandoned = calls.stream().filter(c -> c.outcome() == CallOutcome.ABANDONED).count();
        long[] waits = calls.stream().filter(c -> c.outcome() == CallOutcome.ANSWERED)
                .mapToLong(CallRecord::waitSeconds).sorted().toArray();
        long median = waits[(int) Math.ceil(waits.length * 0.5) - 1];
        long p90 = waits[(int) Math.ceil(waits.length * 0.9) - 1];
        String rate = String.format(Locale.ROOT, "%.1f", 100.0 * answered / calls.size()).replace('.', ',') + " %";

        Page page = login("/stats");
        page.fill("#stats-from", "2025-01-01");
        page.fill("#stats-to", "2026-01-01");
        page.click("#stats-form button[type=submit]");
        assertThat(page.locator("#stat-calls")).hasText(Long.toString(calls.size()), SLOW);
        assertThat(page.locator("#stat-answered")).hasText(Long.toString(answered));
        assertThat(page.locator("#stat-abandoned")).hasText(Long.toString(abandoned));
        assertThat(page.locator("#stat-answer-rate")).hasText(rate);
        assertThat(page.locator("#stat-tta-median")).hasText(median + " s");
        assertThat(page.locator("#stat-tta-p90")).hasText(p90 + " s");
        assertThat(page.locator("#stat-tickets")).hasText(Integer.toString(YEAR.tickets.size()));
        assertThat(page.locator("#chart-days")).isVisible();
        page.waitForTimeout(300);
        shot(page, "stats");

        page.fill("#stats-from", "2015-01-01");
        page.click("#stats-form button[type=submit]");
        assertThat(page.locator(".field-error[data-field=to]")).containsText("366 days");
    }

    @Test
    void theRosterIsPreviewedAndAnEditThatLeavesHoursUncoveredIsRefusedNamingThem() {
        Page page = login("/roster");
        Locator document = page.locator("#roster-document");
        assertThat(document).not().hasValue("");
        assertThat(page.locator("#roster-uncovered")).hasText("Ogni ora è coperta.");
        String good = document.inputValue();
        document.fill(good.replace("covers: { from: \"08:00\", to: \"20:00\" }",
                "covers: { from: \"09:00\", to: \"20:00\" }"));
        page.click("#roster-check");
        assertThat(page.locator("#roster-uncovered")).containsText("08:00-09:00");
        assertThat(page.locator("td.slot.uncovered").first()).isVisible();
        shot(page, "roster");
        page.click("#roster-save");
        assertThat(page.locator(".field-error[data-field=document]")).containsText("uncovered");
        assertThat(page.locator(".field-error[data-field=document]")).containsText("08:00-09:00");

        document.fill(good.replace("name: Anna", "name: Anna B."));
        page.click("#roster-save");
        assertThat(page.locator("#roster-message")).containsText("Salvata la versione");
    }

    @Test
    void aDeadLetterIsReplayedAndDelivered() {
        Page page = login("/deliveries");
        page.selectOption("#delivery-state", "DEAD");
        Locator row = page.locator("tr[data-entry-id=\"" + deadLetter + "\"]");
        assertThat(row).containsText("HTTP 503");
        shot(page, "deliveries");
        row.locator("button.replay").click();
        assertThat(page.locator("#delivery-message")).containsText("1 rimesse in coda");
        long deadline = System.currentTimeMillis() + 15_000;
        while (uor.findAll(postRequestedFor(urlEqualTo("/uor"))).isEmpty() && System.currentTimeMillis() < deadline) {
            page.waitForTimeout(200);
        }
        uor.verify(postRequestedFor(urlEqualTo("/uor")).withHeader("webhook-id", equalTo(deadLetter)));
        page.selectOption("#delivery-state", "DELIVERED");
        assertThat(page.locator("tr[data-entry-id=\"" + deadLetter + "\"] .pill")).hasText("DELIVERED", SLOW);
    }

    @Test
    void exportsDownloadAndParseAndTheSiritDatasetHoldsOnlyLargeEnoughCounts() throws IOException {
        Page page = login("/exports");
        page.fill("#export-from", "2025-01-01");
        page.fill("#export-to", "2026-01-01");
        shot(page, "exports");
        Download calls = page.waitForDownload(() -> page.click("#export-calls-csv"));
        List<String> lines = Files.readAllLines(calls.path());
        assertThat(lines.get(0)).startsWith("callId,startedAt");
        assertThat(lines).hasSize(YEAR.calls.size() + 1);
        assertThat(String.join("\n", lines)).doesNotContain("Note di prova").doesNotContain("ps-");

        Download sirit = page.waitForDownload(() -> page.click("#export-sirit-csv"));
        List<String> rows = Files.readAllLines(sirit.path());
        assertThat(rows.get(0)).isEqualTo("table,month,value,count,suppressed");
        for (String row : rows.subList(1, rows.size())) {
            String[] cells = row.split(",", -1);
            assertThat(cells).hasSize(5);
            if (cells[4].equals("true")) {
                assertThat(cells[3]).as(row).isEmpty();
            } else {
                assertThat(Long.parseLong(cells[3])).as(row).isGreaterThanOrEqualTo(5);
            }
            assertThat(row).doesNotContain("ps-").doesNotContain("call-").doesNotContain("op-");
        }
        assertThat(rows).anyMatch(r -> r.endsWith(",true"));
    }
}
