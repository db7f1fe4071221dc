package org.hth.hotline.ops.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Debian's headless Chromium ({@code /usr/bin/chromium}, installed by {@code .ci/run}) driven by Playwright,
 * with no browser download; fake microphone and camera so the softphone can take calls. One browser per test
 * class; a fresh context (cookies, storage) per {@link #newPage}. Register with {@code @RegisterExtension}.
 */
public final class Browser implements BeforeAllCallback, AfterAllCallback {
    private static final Logger log = LoggerFactory.getLogger(Browser.class);

    public static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    private Playwright playwright;
    private com.microsoft.playwright.Browser browser;

    @Override
    public void beforeAll(ExtensionContext context) {
        if (!Files.isExecutable(CHROMIUM)) {
            throw new IllegalStateException(CHROMIUM + " is missing: install Debian's chromium (apt-get install"
                    + " chromium), as .ci/run does");
        }
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(CHROMIUM).setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
                        "--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream")));
    }

    /** A page in a new context of the given size (a laptop: 1280×800; a phone: 390×844). */
    public Page newPage(int width, int height) {
        BrowserContext context = browser.newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                .setViewportSize(width, height).setPermissions(List.of("microphone")));
        return context.newPage();
    }

    /** A page as {@link #newPage(int, int)}, with the browser's clock in the given time zone. */
    public Page newPage(int width, int height, String timezoneId) {
        BrowserContext context = browser.newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                .setViewportSize(width, height).setTimezoneId(timezoneId).setAcceptDownloads(true));
        return context.newPage();
    }

    /**
     * Logs {@code user} in on the console at {@code consoleUrl} (its root) in {@code page}, waits until the page
     * names them, then opens {@code view} (such as {@code /deliveries}; empty for the start view). Page errors are
     * logged, so a script failure shows in the test's output.
     */
    public static Page logIn(Page page, String consoleUrl, String user, String password, String view) {
        page.onPageError(e -> log.warn("page error: {}", e));
        page.navigate(consoleUrl);
        page.getByLabel("Utente").fill(user);
        page.getByLabel("Password").fill(password);
        page.getByText("Entra").click();
        assertThat(page.locator("#who")).containsText(user);
        if (!view.isEmpty()) {
            page.navigate(consoleUrl + "#" + view);
        }
        return page;
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }
}
