package org.hth.hotline.ops.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;

import org.hth.hotline.console.auth.PasswordHasher;
import org.hth.hotline.core.config.ConfigLoader;
import org.hth.hotline.core.user.Role;
import org.hth.hotline.ops.TestEnvironments;
import org.hth.hotline.ops.serve.RunningServer;
import org.hth.hotline.ops.serve.ServerAssembly;
import org.hth.hotline.ops.users.UserAdder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console's softphone against a real SIP-over-WebSocket server: Debian's Kamailio as the registrar and proxy
 * ({@code ws://127.0.0.1}), baresip as the caller with DTLS-SRTP, ICE and rtcp-mux, Chromium with fake media as
 * the operator. The page registers, rings, answers, receives RTP (counted in {@code getStats()}), mutes (the
 * microphone track disabled, then enabled again), sends DTMF {@code 1} (in the media when telephone-event was agreed, else SIP INFO) and
 * hangs up.
 * Skipped, saying why, when Kamailio or baresip is not installed and {@code CI} is unset; on CI it fails instead.
 */
class SoftphoneKamailioIT {
    static final String MODULES = "/usr/lib/x86_64-linux-gnu/kamailio/modules";
    static final String CALLER_NAME = "Caller <b>bold</b>";

    @RegisterExtension
    static final Browser BROWSER = new Browser();

    @TempDir
    Path dir;

    private RunningServer server;
    private SipProcess kamailio;
    private SipProcess baresip;
    private int sipPort;
    private int wsPort;

    @BeforeEach
    void requireSipPrograms() {
        boolean present = SipProcess.installed("kamailio") && SipProcess.installed("baresip")
                && java.nio.file.Files.isDirectory(Path.of(MODULES));
        if (!present && System.getenv("CI") == null) {
            Assumptions.abort("kamailio, kamailio-websocket-modules or baresip is not installed (apt-get install"
                    + " kamailio kamailio-websocket-modules baresip, as .ci/run does): softphone test skipped");
        }
        assertThat(present).as("kamailio, its websocket modules and baresip are installed on CI").isTrue();
    }

    @AfterEach
    void stop() throws InterruptedException {
        if (baresip != null) {
            baresip.close();
        }
        if (kamailio != null) {
            kamailio.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void consoleRegistersRingsAnswersHearsAudioMutesHoldsSendsDtmfAndHangsUp() throws Exception {
        startKamailio();
        Page page = registered(consolePage());
        callFromBaresip();

        assertThat(page.locator("#sp-call")).hasText("squilla", timeout(15));
        assertThat(page.locator("#sp-remote")).hasText("Da: " + CALLER_NAME);
        assertThat(page.locator("#sp-remote b")).hasCount(0);
        page.locator("#sp-answer").click();
        assertThat(page.locator("#sp-call")).hasText("in conversazione", timeout(15));

        await().atMost(Duration.ofSeconds(20)).failFast(() -> !baresip.alive())
                .until(() -> packetsReceived(page) > 0);
        assertThat(page.locator("#sp-timer")).not().hasText("");

        page.locator("#sp-mute").click();
        assertThat(page.locator("#sp-mute")).hasText("Riattiva microfono");
        assertThat(media(page).get("senderEnabled")).as("the microphone track").isEqualTo(List.of(false));
        page.locator("#sp-mute").click();
        assertThat(page.locator("#sp-mute")).hasText("Muto");
        assertThat(media(page).get("senderEnabled")).isEqualTo(List.of(true));

        page.locator("#sp-hold").click();
        assertThat(page.locator("#sp-hold")).hasText("Riprendi", timeout(10));
        assertThat(page.locator("#sp-call")).hasText("in conversazione");
        page.locator("#sp-hold").click();
        assertThat(page.locator("#sp-hold")).hasText("Attesa", timeout(10));
        assertThat(page.locator("#sp-call")).hasText("in conversazione");
        assertThat(page.locator("#sp-error")).hasText("");

        page.locator("#sp-keypad").getByText("1", new com.microsoft.playwright.Locator.GetByTextOptions()
                .setExact(true)).click();
        // baresip's log is block-buffered when written to a file, so the key is checked on the page's side
        assertThat(media(page).get("lastDtmf")).as("the key sent").isInstanceOfSatisfying(Map.class,
                sent -> assertThat(sent.get("tone")).isEqualTo("1"));
        assertThat(page.locator("#sp-error")).hasText("");

        page.locator("#sp-hangup").click();
        assertThat(page.locator("#sp-call")).hasText("libero", timeout(10));
        await().atMost(Duration.ofSeconds(10)).until(() -> baresip.output().contains("terminated")
                || baresip.output().contains("closed"));
    }

    @Test
    void aRefusedMicrophoneIsSaidOnTheCallScreen() throws Exception {
        startKamailio();
        Page page = BROWSER.newPage(1280, 800);
        // the browser refuses the microphone as Chromium does when the user says no: NotAllowedError
        page.addInitScript("navigator.mediaDevices.getUserMedia = () => Promise.reject("
                + "new DOMException('Permission denied', 'NotAllowedError'));");
        registered(consolePage(page));
        callFromBaresip();

        assertThat(page.locator("#sp-call")).hasText("squilla", timeout(15));
        page.locator("#sp-answer").click();
        assertThat(page.locator("#sp-error")).containsText("Microfono negato");
    }

    @Test
    void aLostSipServerShowsReconnectingAndTheSoftphoneRegistersAgainWhenItIsBack() throws Exception {
        startKamailio();
        Page page = registered(consolePage());

        kamailio.close();
        await().atMost(Duration.ofSeconds(10)).until(() -> !SipProcess.listening(wsPort));
        assertThat(page.locator("#sp-registration")).hasText("Telefono: riconnessione…", timeout(15));
        assertThat(page.locator("#sp-error")).containsText("riconnessione");

        startKamailio();
        assertThat(page.locator("#sp-registration")).hasText("Telefono: registrato", timeout(30));
    }

    private void startKamailio() {
        if (sipPort == 0) {
            sipPort = TestEnvironments.freePort();
            wsPort = TestEnvironments.freePort();
        }
        Path cfg = dir.resolve("kamailio/kamailio.cfg");
        SipProcess.writeConfig("/kamailio/kamailio.cfg", cfg, Map.of("MPATH", MODULES,
                "SIP_PORT", Integer.toString(sipPort), "WS_PORT", Integer.toString(wsPort)));
        kamailio = SipProcess.start("kamailio", List.of("kamailio", "-f", cfg.toString(), "-DD", "-E",
                "-Y", dir.resolve("kamailio").toString(), "-P", dir.resolve("kamailio/kamailio.pid").toString()),
                dir.resolve("kamailio-" + System.nanoTime() + ".log"));
        SipProcess started = kamailio;
        await().atMost(Duration.ofSeconds(15)).failFast(() -> !started.alive())
                .until(() -> SipProcess.listening(wsPort));
    }

    private Page registered(Page page) {
        page.locator("#sp-server").fill("ws://127.0.0.1:" + wsPort);
        page.locator("#sp-user").fill("op1");
        page.locator("#sp-password").fill("unused");
        page.locator("#sp-domain").fill("127.0.0.1");
        page.getByText("Salva e collega").click();
        assertThat(page.locator("#sp-registration")).hasText("Telefono: registrato");
        assertThat(page.evaluate("() => localStorage.getItem('hotline.softphone').includes('op1')")).isEqualTo(true);
        return page;
    }

    private void callFromBaresip() {
        Path baresipDir = dir.resolve("baresip");
        SipProcess.writeConfig("/baresip/config", baresipDir.resolve("config"),
                Map.of("SIP_PORT", Integer.toString(TestEnvironments.freePort())));
        SipProcess.writeConfig("/baresip/accounts", baresipDir.resolve("accounts"),
                Map.of("KAMAILIO_PORT", Integer.toString(sipPort), "DISPLAY", CALLER_NAME));
        baresip = SipProcess.start("baresip", List.of("baresip", "-f", baresipDir.toString(), "-t", "60",
                "-e", "/dial sip:op1@127.0.0.1"), dir.resolve("baresip.log"));
    }

    private Page consolePage() {
        return consolePage(BROWSER.newPage(1280, 800));
    }

    private Page consolePage(Page page) {
        int port = TestEnvironments.freePort();
        server = ServerAssembly.start(ConfigLoader.load(Optional.empty(), TestEnvironments.serverEnv(dir.resolve("data"),
                port)), Clock.systemUTC());
        new UserAdder(server.store().users(), new PasswordHasher(1024, 1, 1, new SecureRandom()), Clock.systemUTC())
                .add("anna", Set.of(Role.OPERATOR), Optional.of("op-anna"), OperatorLine.PASSWORD.toCharArray());
        page.navigate("http://localhost:" + port + "/");
        page.getByLabel("Utente").fill("anna");
        page.getByLabel("Password").fill(OperatorLine.PASSWORD);
        page.getByText("Entra").click();
        assertThat(page.locator("#softphone")).isVisible();
        return page;
    }

    private static long packetsReceived(Page page) {
        Object stats = page.evaluate("() => window.hotlineSoftphone.stats()");
        return stats instanceof Map<?, ?> map && map.get("packetsReceived") instanceof Number n ? n.longValue() : 0;
    }

    private static Map<?, ?> media(Page page) {
        return (Map<?, ?>) page.evaluate("() => window.hotlineSoftphone.media()");
    }

    private static LocatorAssertions.HasTextOptions timeout(int seconds) {
        return new LocatorAssertions.HasTextOptions().setTimeout(seconds * 1000.0);
    }
}
