package org.proxyfund.wallet.node;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.proxyfund.operator.WebClient;

import java.io.File;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code ./run}'s trial as a new user gets it: the packaged service in the dev profile, in a folder of its own, starts a
 * local bcoin regtest node beside its PostgreSQL and its wallet syncs with it; stopping the service leaves no process
 * (read from the process list), the next start continues on the same chain and node wallet, a node orphaned by a
 * killed service is stopped by the next start; and without Node.js on the PATH the service runs with the wallet off and
 * says what to install, in English and Russian.
 */
@Tag("long") // a packaged service in processes of its own, like the other ITs: ./mvnw -Plong verify
class LocalNodeIT {

    private static final Duration START = Duration.ofMinutes(4);
    private static final Pattern READY = Pattern.compile("Local regtest Bitcoin node ready: height (\\d+), best block (\\p{XDigit}{64})");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void shouldStartAndStopTheNodeWithTheServiceKeepItsChainAndStopAnOrphanLeftByAKilledService() throws Exception {
        Path home = Path.of("target", "local-node-it-" + UUID.randomUUID()).toAbsolutePath();
        String path = System.getenv("PATH");

        List<TrialProcess> started = new ArrayList<>();
        try {
            TrialProcess first = started(started, TrialProcess.start(home, "first", path));
            assertWalletSyncedAt(440, first.awaitReady(START));
            Matcher firstReady = awaitLog(first, READY);
            assertTrue(first.logText().contains("mining 440 blocks"), "the first start mines the node's first blocks");
            Set<String> running = TrialProcess.processesOf(home);
            assertTrue(running.stream().anyMatch(p -> p.endsWith(" bcoin")), "a bcoin node runs: " + running);
            assertTrue(running.stream().anyMatch(p -> p.contains("postgres")), "PostgreSQL runs: " + running);
            first.stop();
            assertNoProcessLeft(home);

            TrialProcess second = started(started, TrialProcess.start(home, "second", path));
            assertWalletSyncedAt(440, second.awaitReady(START));
            Matcher secondReady = awaitLog(second, READY);
            assertFalse(second.logText().contains("mining"), "a later start mines nothing: the chain was kept");
            assertEquals(firstReady.group(2), secondReady.group(2), "the same chain as before, not a new one");
            long nodePid = Long.parseLong(Files.readString(home.resolve(".proxyfund/bcoin/proxyfund-node.pid")).trim());
            second.kill();
            assertTrue(ProcessHandle.of(nodePid).map(ProcessHandle::isAlive).orElse(false),
                    "kill -9 of the service runs no hook: its node is left as an orphan");

            TrialProcess third = started(started, TrialProcess.start(home, "third", path));
            assertWalletSyncedAt(440, third.awaitReady(START));
            assertTrue(third.logText().contains("Stopping the local Bitcoin node (pid " + nodePid + ") left running"),
                    third.logText());
            assertFalse(ProcessHandle.of(nodePid).map(ProcessHandle::isAlive).orElse(false), "the orphan is gone");
            payFromTheTrialConsole(third, password(first));
            third.stop();
            assertNoProcessLeft(home);
        } finally {
            for (TrialProcess p : started) {
                p.stopQuietly();
            }
            TrialProcess.killAllOf(home);
        }
    }

    /** The trial admin's password, from the one log line that shows it (the first start's). */
    private static String password(TrialProcess first) {
        Matcher m = Pattern.compile("created the admin account 'trial-admin' with the password (\\S+)").matcher(first.logText());
        assertTrue(m.find(), "the first start logs the trial admin's password");
        return m.group(1);
    }

    /** After restarts, the trial console still pays with the node's test coins and mines. */
    private static void payFromTheTrialConsole(TrialProcess trial, String password) {
        WebClient admin = new WebClient().at("http://127.0.0.1:" + trial.port);
        assertEquals(303, admin.logIn("trial-admin", password).statusCode());
        String console = admin.get("/admin/trial?lang=en").asString();
        Matcher faucet = Pattern.compile("mined to the trial faucet, (bcrt1[a-z0-9]+);").matcher(console);
        assertTrue(faucet.find(), console);
        String paid = admin.post("/admin/trial/pay", "address", faucet.group(1), "amount", "1.5").asString();
        assertTrue(paid.contains("Paid: transaction"), paid);
        String mined = admin.post("/admin/trial/mine", "blocks", "2").asString();
        assertTrue(mined.contains("the chain is now at height 442"), mined);
    }

    private static TrialProcess started(List<TrialProcess> all, TrialProcess p) {
        all.add(p);
        return p;
    }

    @Test
    void shouldRunWithTheWalletOffAndSayWhatToInstallWhenNodeJsIsNotOnThePath() throws Exception {
        Path home = Path.of("target", "local-node-it-" + UUID.randomUUID()).toAbsolutePath();
        TrialProcess trial = TrialProcess.start(home, "no-node", pathWithoutNode(home.resolve("bin")));
        try {
            trial.awaitHome(START);
            String en = trial.get("/?lang=en").body();
            assertTrue(en.contains("this computer has no Node.js") && en.contains("sudo apt-get install nodejs npm"), en);
            assertTrue(trial.get("/?lang=ru").body().contains("на этом компьютере нет Node.js"));
            HttpResponse<String> donate = trial.get("/donate?lang=en");
            assertEquals(200, donate.statusCode());
            assertTrue(donate.body().contains("Donations are off in this trial") && donate.body().contains("Install Node.js 20"), donate.body());
            assertFalse(donate.body().contains("action=\"/donate\""), "no address to ask for while there is no wallet");
            assertTrue(TrialProcess.processesOf(home).stream().noneMatch(p -> p.endsWith(" bcoin")));
            trial.stop();
            assertNoProcessLeft(home);
        } finally {
            trial.stopQuietly();
            TrialProcess.killAllOf(home);
        }
    }

    private static void assertWalletSyncedAt(int height, String readiness) throws IOException {
        for (JsonNode check : JSON.readTree(readiness).path("checks")) {
            if ("Bitcoin wallet".equals(check.path("name").asText())) {
                assertEquals(height, check.path("data").path("chainHeight").asInt(), readiness);
                assertTrue(check.path("data").path("synced").asBoolean(), readiness);
                return;
            }
        }
        throw new AssertionError("no wallet in the readiness check: " + readiness);
    }

    private static Matcher awaitLog(TrialProcess p, Pattern line) {
        long end = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (System.nanoTime() < end) {
            Matcher m = line.matcher(p.logText());
            if (m.find()) {
                return m;
            }
            TrialProcess.sleep(200);
        }
        throw new AssertionError("no line " + line + " in:\n" + p.logText());
    }

    /** Waits for the stopped service's children to be gone (PostgreSQL's workers end just after it). */
    private static void assertNoProcessLeft(Path home) {
        long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!TrialProcess.processesOf(home).isEmpty() && System.nanoTime() < end) {
            TrialProcess.sleep(200);
        }
        assertEquals(Set.of(), TrialProcess.processesOf(home), "processes left after the service stopped");
    }

    /** A PATH of links to every program on this one except Node.js and npm: a machine without them. */
    private static String pathWithoutNode(Path bin) throws IOException {
        Files.createDirectories(bin);
        for (String folder : System.getenv("PATH").split(File.pathSeparator)) {
            Path dir = Path.of(folder);
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> programs = Files.list(dir)) {
                for (Path program : programs.toList()) {
                    String name = program.getFileName().toString();
                    Path link = bin.resolve(name);
                    if (!Set.of("node", "nodejs", "npm", "npx").contains(name) && !Files.exists(link, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                        Files.createSymbolicLink(link, program.toAbsolutePath());
                    }
                }
            }
        }
        return bin.toString();
    }
}
