package org.proxyfund.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.proxyfund.common.testing.TestPorts;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * A small W3C WebDriver client: starts the system chromedriver, opens one headless Chromium with a
 * fresh profile, and offers the few commands the browser tests need. No Selenium dependency.
 * <p>
 * The browser is Debian's {@code chromium-headless-shell}: Chromium's own engine (Blink, V8, the same build as the
 * {@code chromium} package) without the windowed browser's layers, which headless tests never use; it takes less CPU
 * (docs/testing.md, "Browser").
 */
public final class WebDriverSession implements AutoCloseable {

    private static final Path BROWSER = Path.of("/usr/bin/chromium-headless-shell");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final String ELEMENT = "element-6066-11e4-a52e-4f735466cecf";

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Process driver;
    private final Path profile;
    private final String base;
    private final String session;

    /**
     * Skips the calling test where the browser is not installed, with a message saying what to install; fails instead
     * under {@code CI}, which must run every browser test ({@code .ci/install-test-deps} installs both packages).
     */
    public static void assumeInstalled() {
        boolean present = Files.isExecutable(BROWSER) && Files.isExecutable(CHROMEDRIVER);
        if (!present && System.getenv("CI") != null) {
            Assertions.fail("CI must run the browser tests: .ci/install-test-deps installs chromium-headless-shell and chromium-driver");
        }
        Assumptions.assumeTrue(present, "Skipped: Debian packages chromium-headless-shell and chromium-driver are not installed here "
                + "(run .ci/install-test-deps; CI always installs them and runs the browser tests)");
    }

    public WebDriverSession(Path logDir) throws IOException, InterruptedException {
        this(logDir, BROWSER, TestPorts.listen(), Path.of(System.getProperty("java.io.tmpdir")));
    }

    /** As above with the browser binary, chromedriver's port and the profile's parent folder given (for WebDriverSessionTest). */
    WebDriverSession(Path logDir, Path browser, int port, Path profileParent) throws IOException, InterruptedException {
        Files.createDirectories(logDir);
        profile = Files.createTempDirectory(profileParent, "proxyfund-chromium-");
        driver = new ProcessBuilder(CHROMEDRIVER.toString(), "--port=" + port)
                .redirectErrorStream(true).redirectOutput(logDir.resolve("chromedriver.log").toFile()).start();
        base = "http://127.0.0.1:" + port;
        try {
            waitForDriver();
            List<String> args = List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                    "--window-size=1280,1600", "--user-data-dir=" + profile);
            JsonNode created = call("POST", "/session", Map.of("capabilities", Map.of("alwaysMatch", Map.of(
                    "browserName", "chrome-headless-shell",
                    "goog:chromeOptions", Map.of("binary", browser.toString(), "args", args)))));
            session = "/session/" + created.get("sessionId").asText();
        } catch (IOException | InterruptedException | RuntimeException e) {
            // a session that never started has no close(): stop the driver and any browser it launched here
            try {
                stopDriverAndBrowser();
            } catch (IOException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
    }

    private void stopDriverAndBrowser() throws IOException {
        driver.descendants().forEach(ProcessHandle::destroy);
        driver.destroy();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private void waitForDriver() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (call("GET", "/status", null).path("ready").asBoolean()) {
                    return;
                }
            } catch (IOException | IllegalStateException e) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("chromedriver did not start within 20 s");
    }

    private JsonNode call(String method, String path, Object body) throws IOException, InterruptedException {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json");
        r = body == null ? r.method(method, HttpRequest.BodyPublishers.noBody())
                : r.method(method, HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
        HttpResponse<String> response = http.send(r.build(), HttpResponse.BodyHandlers.ofString());
        JsonNode value = json.readTree(response.body()).path("value");
        if (response.statusCode() >= 400) {
            throw new IllegalStateException("WebDriver " + method + " " + path + " failed: " + value.path("message").asText());
        }
        return value;
    }

    public void open(String url) throws IOException, InterruptedException {
        call("POST", session + "/url", Map.of("url", url));
    }

    private String find(String css) throws IOException, InterruptedException {
        JsonNode found = call("POST", session + "/element", Map.of("using", "css selector", "value", css));
        if (!found.has(ELEMENT)) {
            throw new IllegalStateException("no element " + css + " on " + url() + ": " + found);
        }
        return found.get(ELEMENT).asText();
    }

    public void type(String css, String text) throws IOException, InterruptedException {
        String id = find(css);
        call("POST", session + "/element/" + id + "/clear", Map.of());
        call("POST", session + "/element/" + id + "/value", Map.of("text", text));
    }

    public void click(String css) throws IOException, InterruptedException {
        call("POST", session + "/element/" + find(css) + "/click", Map.of());
    }

    /** Clicks (a form's button) and waits up to 30 s until the next document has loaded; returns its source. */
    public String clickAndLoad(String css) throws IOException, InterruptedException {
        call("POST", session + "/execute/sync", Map.of("script", "window.__pfBefore = true; return true;", "args", List.of()));
        click(css);
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            String state;
            try {
                state = call("POST", session + "/execute/sync", Map.of("script",
                        "return window.__pfBefore === true ? 'before' : document.readyState;", "args", List.of())).asText();
            } catch (IllegalStateException e) {
                state = "navigating"; // the old document went away while the script ran
            }
            if ("complete".equals(state)) {
                return source();
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no new page within 30 s after clicking " + css + " (" + state + ")");
            }
            Thread.sleep(100);
        }
    }

    public String url() throws IOException, InterruptedException {
        return call("GET", session + "/url", null).asText();
    }

    public String source() throws IOException, InterruptedException {
        return call("GET", session + "/source", null).asText();
    }

    /** The text a reader sees on the page ({@code innerText} of the body: no markup, no attributes, no hidden parts). */
    public String visibleText() throws IOException, InterruptedException {
        return call("POST", session + "/execute/sync", Map.of("script", "return document.body.innerText;", "args", List.of())).asText();
    }

    /** The page's text without the elements the CSS selector matches (e.g. {@code code}: identifiers, keys, links). */
    public String textOutside(String css) throws IOException, InterruptedException {
        return call("POST", session + "/execute/sync", Map.of("script", "const c = document.body.cloneNode(true);"
                + " c.querySelectorAll(arguments[0]).forEach(e => e.remove()); return c.textContent;", "args", List.of(css))).asText();
    }

    /** Waits up to 15 s for the current URL to satisfy the condition; returns the page source. */
    public String waitForUrl(Predicate<String> condition) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (!condition.test(url())) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("page did not change as expected; now at " + url());
            }
            Thread.sleep(100);
        }
        return source();
    }

    /** Screenshots the whole page, also what lies below the window (Chromium's DevTools capture beyond the viewport). */
    public void screenshot(Path file) throws IOException, InterruptedException {
        Files.createDirectories(file.getParent());
        JsonNode size = call("POST", session + "/execute/sync", Map.of("script",
                "return [document.documentElement.scrollWidth, document.documentElement.scrollHeight];", "args", List.of()));
        Map<String, Object> clip = Map.of("x", 0, "y", 0, "width", size.get(0).asInt(), "height", size.get(1).asInt(), "scale", 1);
        JsonNode shot = call("POST", session + "/goog/cdp/execute", Map.of("cmd", "Page.captureScreenshot",
                "params", Map.of("format", "png", "captureBeyondViewport", true, "clip", clip)));
        Files.write(file, Base64.getDecoder().decode(shot.get("data").asText()));
    }

    @Override
    public void close() throws IOException {
        try {
            call("DELETE", session, null);
        } catch (IOException | InterruptedException | IllegalStateException e) {
            // the driver is stopped below anyway
        } finally {
            stopDriverAndBrowser();
        }
    }
}
