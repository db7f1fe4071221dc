package org.hth.hotline.ops.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;

import org.hth.hotline.console.auth.PasswordHasher;
import org.hth.hotline.core.call.CallQuery;
import org.hth.hotline.core.config.ConfigLoader;
import org.hth.hotline.core.config.HotlineConfig;
import org.hth.hotline.core.config.RetentionConfig;
import org.hth.hotline.core.live.LiveEvent;
import org.hth.hotline.core.outbox.OutboxEntry;
import org.hth.hotline.core.referral.Territory;
import org.hth.hotline.core.retention.RetentionSchedule;
import org.hth.hotline.core.roster.Presence;
import org.hth.hotline.core.roster.PresenceState;
import org.hth.hotline.core.store.Store;
import org.hth.hotline.core.testing.Fixtures;
import org.hth.hotline.core.testing.MutableClock;
import org.hth.hotline.core.user.Role;
import org.hth.hotline.ops.TestEnvironments;
import org.hth.hotline.ops.serve.RunningServer;
import org.hth.hotline.ops.serve.ServerAssembly;
import org.hth.hotline.ops.users.UserAdder;
import org.hth.hotline.standin.call.CallerBehaviour;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the coordinator sees change without reloading: a call in progress on the call log (driven through the
 * Asterisk stand-in: it appears at the top while it rings, then shows it is answered, then becomes the call's
 * record), and the retention line of the deliveries page once the daily job has run (the server's clock moved by
 * hand to the job's time; the line follows the job's {@code retention.ran} event).
 */
class CoordinatorLiveBrowserIT {
    /** op-anna answers 4 s after she is rung and talks for 5 s: long enough to see each state. */
    private static final String SCENARIO = """
            speed: 1
            endpoints:
              PJSIP/op-anna: { answer: 4s, talk: 5s }
            default-endpoint: never-answer
            """;
    private static final String PASSWORD = "a long enough secret";
    private static final LocatorAssertions.HasTextOptions SLOW = new LocatorAssertions.HasTextOptions()
            .setTimeout(20_000);

    @RegisterExtension
    static final Browser BROWSER = new Browser();

    @TempDir
    Path dataDir;

    private OperatorLine line;
    private RunningServer server;

    @AfterEach
    void stop() {
        if (line != null) {
            line.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aCallInProgressAppearsAtTheTopOfTheLogAndUpdatesUntilItEnds() throws Exception {
        line = new OperatorLine(dataDir, SCENARIO, Map.of());
        line.server().store().roster().setPresence(new Presence("op-anna", PresenceState.AVAILABLE, Instant.now()));
        CallerBehaviour caller = CallerBehaviour.testCaller().withKeys("2");
        // an earlier call, abandoned while ringing: the log is not empty when the coordinator opens it
        line.simulator().place(caller.hangingUpAfter(Duration.ofSeconds(2)), "").done().get();
        await().atMost(Duration.ofSeconds(15)).until(() -> line.server().store().calls().query(CallQuery.all(5))
                .items().size() == 1);
        String earlier = line.server().store().calls().query(CallQuery.all(5)).items().get(0).callId();

        Page page = logIn(line.url(), "/calls");
        Locator rows = page.locator("#calls-body tr");
        assertThat(rows).hasCount(1);
        assertThat(rows.first()).hasAttribute("data-call-id", earlier);

        List<String> ringing = new CopyOnWriteArrayList<>();
        AutoCloseable subscription = line.server().liveEvents().subscribe(e -> rung(e, ringing));
        try {
            line.simulator().place(caller, "");
            await().atMost(Duration.ofSeconds(15)).until(() -> !ringing.isEmpty());
        } finally {
            subscription.close();
        }
        String callId = ringing.get(0);
        Locator top = rows.first();
        assertThat(top).hasAttribute("data-call-id", callId);
        assertThat(top).hasClass("live");
        assertThat(top.locator(".pill")).hasText("squilla");
        assertThat(top.locator("td:nth-child(3)")).hasText("en");
        assertThat(top.locator("td:nth-child(4)")).hasText("op-anna");
        assertThat(rows.nth(1)).hasAttribute("data-call-id", earlier);

        assertThat(top.locator(".pill")).hasText("in corso", SLOW);
        assertThat(top).hasAttribute("data-call-id", callId);
        assertThat(top.locator("td:nth-child(3)")).hasText("en");
        assertThat(top.locator("td:nth-child(4)")).hasText("op-anna");

        assertThat(top.locator(".pill")).hasText("ANSWERED", SLOW);
        assertThat(top).not().hasClass("live");
        assertThat(top).hasAttribute("data-call-id", callId);
        assertThat(top.locator("td:nth-child(3)")).hasText("en");
        assertThat(top.locator("td:nth-child(4)")).hasText("op-anna");
        assertThat(rows).hasCount(2);
        assertThat(rows.nth(1)).hasAttribute("data-call-id", earlier);
        assertThat(line.server().store().calls().find(callId).orElseThrow().answeredBy()).contains("op-anna");
    }

    @Test
    void theDeliveriesPageSaysWhenTheRetentionJobLastRanAndWhatItDid() throws Exception {
        Map<String, String> env = TestEnvironments.serverEnv(dataDir, TestEnvironments.freePort());
        HotlineConfig config = ConfigLoader.load(Optional.empty(), env);
        RetentionSchedule schedule = new RetentionSchedule(config.retention().runAt(), RetentionConfig.ZONE);
        Instant due = schedule.nextAfter(Instant.now());
        // the server's clock stands a minute before the job's time, its last run the day before
        MutableClock clock = new MutableClock(due.minus(Duration.ofMinutes(1)));
        Instant previousRun = clock.instant().minus(Duration.ofHours(23));
        writeLastRun(previousRun);
        Instant old = clock.instant().minus(Duration.ofDays(400));
        try (Store store = ServerAssembly.openStore(config, clock)) {
            for (int i = 0; i < 3; i++) {
                store.calls().save(Fixtures.answeredCall("old-" + i, old.plusSeconds(600L * i), "op-anna", "it",
                        Territory.ASL3));
            }
            store.calls().save(Fixtures.answeredCall("recent", clock.instant().minus(Duration.ofDays(2)), "op-anna",
                    "it", Territory.ASL3));
            store.tickets().create(Fixtures.ticket("01OLDTICKET", old), List.<OutboxEntry>of());
        }
        server = ServerAssembly.start(config, env, clock);
        new UserAdder(server.store().users(), new PasswordHasher(1024, 1, 1, new SecureRandom()), clock)
                .add("marta", Set.of(Role.COORDINATOR), Optional.empty(), PASSWORD.toCharArray());

        Page page = logIn("http://localhost:" + server.consolePort() + "/", "/deliveries");
        Locator status = page.locator("#retention-status");
        assertThat(status).containsText("(365 giorni)");
        assertThat(status).containsText("anonimizzate 0 chiamate e 0 segnalazioni, cancellati 0 numeri");
        assertThat(status).containsText(romeTime(previousRun));
        assertThat(status).containsText("prossima " + romeTime(due));

        clock.set(due);
        // the job's own timer notices within its interval
        await().atMost(Duration.ofSeconds(60)).until(() -> !lastRunAt().equals(previousRun));
        assertThat(lastRunAt()).isEqualTo(due);
        // the page stays open: the job's retention.ran event makes it read the line again
        assertThat(status).containsText("anonimizzate 3 chiamate e 1 segnalazioni, cancellati 0 numeri");
        assertThat(status).containsText("ultima esecuzione " + romeTime(due));
        assertThat(status).containsText("prossima " + romeTime(schedule.nextAfter(due)));
        assertThat(server.store().calls().find("old-0").orElseThrow().notes()).isEmpty();
        assertThat(server.store().calls().find("recent").orElseThrow().notes()).isEqualTo("notes of recent");
    }

    private Page logIn(String url, String view) {
        return Browser.logIn(BROWSER.newPage(1280, 900, "Europe/Rome"), url, "marta", PASSWORD, view);
    }

    private static void rung(LiveEvent event, List<String> callIds) {
        if (event.type().equals("call.ringing")) {
            callIds.add((String) event.data().get("callId"));
        }
    }

    /** An instant as the page shows it ({@code fmtDateTime}: it-IT, short date and time) in Europe/Rome. */
    private static String romeTime(Instant at) {
        return DateTimeFormatter.ofPattern("dd/MM/yy, HH:mm").format(at.atZone(RetentionConfig.ZONE));
    }

    private void writeLastRun(Instant at) throws IOException {
        Properties p = new Properties();
        p.setProperty("at", at.toString());
        p.setProperty("calls", "0");
        p.setProperty("tickets", "0");
        p.setProperty("callbackNumbers", "0");
        try (Writer out = Files.newBufferedWriter(lastRunFile(), StandardCharsets.UTF_8)) {
            p.store(out, "a run of the day before");
        }
    }

    private Instant lastRunAt() throws IOException {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(lastRunFile(), StandardCharsets.UTF_8)) {
            p.load(in);
        }
        return Instant.parse(p.getProperty("at"));
    }

    private Path lastRunFile() {
        return dataDir.resolve("retention-last-run.properties");
    }
}
