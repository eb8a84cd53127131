package org.proxyfund.trial;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.proxyfund.wallet.node.TrialProcess;
import org.proxyfund.web.WebDriverSession;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Done-when 1 of the trial: the packaged service started as {@code ./run} starts it (dev profile, a fresh data folder,
 * its own local bcoin node), walked by a new user in a real headless Chromium: a donation paid from the trial console
 * and CONFIRMED; an operator signs up, registers a SOCKS5 endpoint on this machine, runs the trial's real proxy for it
 * and proves a payout address; the admin approves operator and endpoint; after the epoch the admin settles, approves
 * the batch, mines; the batch is CONFIRMED and the transparency page lists its txid. An epoch that ends minutes after
 * the walk began and checks every 10 s keep it within about 15 minutes ({@link #epochOfThisHour}). Screenshots of every step in English, and of the same pages in Russian, go
 * to target/screenshots/trial-walk/.
 */
@Tag("long")
class TrialWalkIT {

    private static final Path SHOTS = Path.of("target", "screenshots", "trial-walk");
    private static final Duration START = Duration.ofMinutes(4);
    private static final Pattern ADDRESS = Pattern.compile("id=\"address\">(bcrt1[a-z0-9]+)<");
    private static final Pattern BATCH = Pattern.compile("href=\"/admin/payouts/(\\d+)\"");
    private static final Pattern TXID = Pattern.compile("<code>([0-9a-f]{64})</code> ✓");

    private WebDriverSession b;
    private String base;

    @Test
    void shouldWalkATrialFromADonationToAConfirmedPayoutListedOnTheTransparencyPage() throws Exception {
        Path home = Path.of("target", "trial-walk-it-" + UUID.randomUUID()).toAbsolutePath();
        TrialProcess trial = TrialProcess.start(home, "walk", System.getenv("PATH"), epochOfThisHour());
        try (WebDriverSession browser = new WebDriverSession(home.resolve("browser"))) {
            b = browser;
            base = "http://127.0.0.1:" + trial.port;
            trial.awaitReady(START);
            Matcher pw = Pattern.compile("created the admin account 'trial-admin' with the password (\\S+)").matcher(trial.logText());
            assertTrue(pw.find(), "the first start logs the trial admin's password");
            String adminPassword = pw.group(1);

            // A donor asks for an address; the admin pays it from the trial console and mines a block.
            b.open(base + "/donate?lang=en");
            b.type("#amount", "0.5");
            String donation = b.clickAndLoad("form[action='/donate'] button");
            String donationUrl = b.url();
            Matcher address = ADDRESS.matcher(donation);
            assertTrue(address.find(), donation);
            shot("en-01-donation-address");
            logIn("trial-admin", adminPassword);
            b.open(base + "/admin/trial?lang=en");
            b.type("#address", address.group(1));
            b.type("#amount", "0.5");
            assertTrue(b.clickAndLoad("form[action='/admin/trial/pay'] button").contains("Paid: transaction"), b.source());
            shot("en-02-console-paid");
            mine(1);
            await("the donation CONFIRMED", Duration.ofMinutes(2), donationUrl, () -> b.source().contains("status-CONFIRMED"));
            shot("en-03-donation-confirmed");
            logOut();

            // An operator signs up, registers an endpoint on this machine, runs the trial's proxy for it, proves an address.
            String operator = "walker" + Long.toString(System.nanoTime() % 100000);
            b.open(base + "/signup?lang=en");
            b.type("#handle", operator);
            b.type("#password", "a-long-walk-password");
            b.type("#repeat", "a-long-walk-password");
            b.clickAndLoad("#signup-submit");
            assertTrue(b.url().endsWith("/dashboard"), b.url());
            assertTrue(b.clickAndLoad("#trial-payout-form button").contains("ownership proven"), b.source());
            b.click("#ep-type option[value='SOCKS5']");
            b.type("#ep-label", "My trial proxy");
            b.type("#ep-host", "127.0.0.1");
            b.type("#ep-port", String.valueOf(freePort()));
            b.type("#ep-region", "Iran");
            b.clickAndLoad("#endpoint-submit");
            String endpointUrl = b.url();
            assertTrue(endpointUrl.matches(".*/endpoints/\\d+$"), endpointUrl);
            assertTrue(b.clickAndLoad("#trial-proxy-button").contains("id=\"trial-proxy-running\""), b.source());
            shot("en-04-endpoint-with-proxy");
            b.open(base + "/dashboard?lang=en");
            shot("en-05-operator-dashboard");
            logOut();

            // The admin approves the operator and the endpoint.
            logIn("trial-admin", adminPassword);
            b.open(base + "/admin/operators?state=PENDING&lang=en");
            b.clickAndLoad("form[action$='/state'] input[value='APPROVED'] ~ button");
            String endpointId = endpointUrl.substring(endpointUrl.lastIndexOf('/') + 1);
            b.open(base + "/admin?lang=en");
            b.clickAndLoad("form[action='/admin/endpoints/" + endpointId + "/state'] input[value='APPROVED'] ~ button");
            b.open(base + "/admin/operators?lang=en");
            assertTrue(b.source().contains(operator), "the operator is listed");
            b.open(base + "/admin/operators?state=PENDING&lang=en");
            assertTrue(!b.source().contains(operator), "no longer pending: " + b.visibleText());
            b.open(base + "/admin?lang=en");
            assertTrue(!b.source().contains("/admin/endpoints/" + endpointId + "/state"), "no longer pending: " + b.visibleText());
            shot("en-06-admin-approved");

            // After the epoch with the endpoint's checks has ended: settle, approve the batch, mine its confirmations.
            await("a settled epoch with a payout batch", Duration.ofMinutes(12), base + "/admin/payouts?lang=en", () -> {
                if (!BATCH.matcher(b.source()).find()) {
                    b.clickAndLoad("#propose-now");
                    b.open(base + "/admin/payouts?lang=en");
                }
                return BATCH.matcher(b.source()).find();
            });
            shot("en-07-payouts");
            Matcher batch = BATCH.matcher(b.source());
            assertTrue(batch.find());
            String batchUrl = base + "/admin/payouts/" + batch.group(1) + "?lang=en";
            b.open(batchUrl);
            shot("en-08-batch-proposed");
            b.clickAndLoad("#approve");
            // The wallet spends coins confirmed 6 times: the donation has 1, and the page says what the batch waits for.
            await("the batch approved, waiting for coins", Duration.ofMinutes(1), batchUrl,
                    () -> b.source().contains("data-state=\"APPROVED\"") && b.source().contains("confirmed at least 6 times"));
            shot("en-09-batch-approved-waiting");
            mine(6);
            await("the batch broadcast", Duration.ofMinutes(2), batchUrl, () -> b.source().contains("data-state=\"BROADCAST\""));
            shot("en-10-batch-broadcast");
            mine(6);
            await("the batch CONFIRMED", Duration.ofMinutes(2), batchUrl, () -> b.source().contains("data-state=\"CONFIRMED\""));
            shot("en-11-batch-confirmed");
            Matcher txid = TXID.matcher(b.source());
            assertTrue(txid.find(), b.source());
            await("the txid on the transparency page", Duration.ofMinutes(1), base + "/transparency?lang=en",
                    () -> b.source().contains(txid.group(1)));
            shot("en-12-transparency");

            String[][] russian = {{"ru-01-donation", donationUrl}, {"ru-02-console", base + "/admin/trial"},
                {"ru-03-endpoint", endpointUrl}, {"ru-04-batch", batchUrl.replace("?lang=en", "")}, {"ru-05-transparency", base + "/transparency"}};
            for (String[] page : russian) {
                b.open(page[1] + "?lang=ru");
                shot(page[0]);
            }
            assertTrue(b.visibleText().contains("Пробный режим"), "Russian pages: " + b.visibleText());
        } finally {
            trial.stopQuietly();
            TrialProcess.killAllOf(home);
        }
    }

    /**
     * Settlement reads check counts from hourly rollups, an hour counted in the epoch that contains its start: the epoch
     * that pays for this walk starts at this hour's start (the anchor) and ends 8 minutes from now, when the walk has
     * had its checks. Near the end of an hour the walk waits for the next one. Coverage is not asked for (the endpoint
     * exists for minutes of that epoch only); checks every 10 s, rollups every 10 s, payout work every 5 s.
     */
    private static List<String> epochOfThisHour() throws InterruptedException {
        Instant now = Instant.now();
        Instant hour = now.truncatedTo(ChronoUnit.HOURS);
        if (Duration.between(hour, now).toMinutes() >= 48) {
            hour = hour.plus(1, ChronoUnit.HOURS);
            Thread.sleep(Duration.between(now, hour).toMillis() + 1000);
            now = Instant.now();
        }
        long minutes = Duration.between(hour, now).toMinutes() + 8;
        return List.of("-D%dev.proxyfund.settlement.epoch-anchor=" + hour, "-D%dev.proxyfund.settlement.epoch-length=PT" + minutes + "M",
                "-D%dev.proxyfund.settlement.budget-period=PT" + minutes + "M", "-D%dev.proxyfund.settlement.min-coverage-bp=0",
                "-Dproxyfund.probe.schedule.interval=10s", "-Dproxyfund.probe.schedule.rollup-period=10s",
                "-Dproxyfund.payout.work-every=5s");
    }

    private void logIn(String handle, String password) throws Exception {
        b.open(base + "/login?lang=en");
        b.type("#handle", handle);
        b.type("#password", password);
        b.clickAndLoad("#login-submit");
        assertTrue(!b.url().contains("/login"), "signed in: " + b.visibleText());
    }

    private void logOut() throws Exception {
        b.open(base + "/account?lang=en");
        b.clickAndLoad("#logout");
    }

    private void mine(int blocks) throws Exception {
        b.open(base + "/admin/trial?lang=en");
        b.type("#blocks", Integer.toString(blocks));
        assertTrue(b.clickAndLoad("form[action='/admin/trial/mine'] button").contains("the chain is now at height"), b.source());
    }

    /** Reloads {@code url} until {@code done} holds (it may click and navigate), at most {@code within}. */
    private void await(String what, Duration within, String url, Callable<Boolean> done) throws Exception {
        long end = System.nanoTime() + within.toNanos();
        while (true) {
            b.open(url);
            if (done.call()) {
                return;
            }
            if (System.nanoTime() > end) {
                shot("failed-" + what.replaceAll("[^a-zA-Z]+", "-"));
                throw new AssertionError(what + ": not within " + within + "; last page " + b.url() + ":\n" + b.visibleText());
            }
            Thread.sleep(3000);
        }
    }

    private void shot(String name) throws Exception {
        Files.createDirectories(SHOTS);
        b.screenshot(SHOTS.resolve(name + ".png"));
    }

    private static int freePort() throws java.io.IOException {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
