package org.proxyfund.trial;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.proxyfund.donation.DonationService;
import org.proxyfund.donation.DonationStatus;
import org.proxyfund.operator.Account;
import org.proxyfund.operator.WebClient;
import org.proxyfund.wallet.WalletService;
import org.proxyfund.wallet.testing.RegtestNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Trial mode: the banner on every page, the once-logged first admin, and the console walking a donation to CONFIRMED. */
@QuarkusTest
@TestProfile(TrialTestProfile.class)
class TrialConsoleTest {

    private static final Pattern ADDRESS = Pattern.compile("id=\"address\">([a-z0-9]+)<");
    private static final Pattern PAID = Pattern.compile("Paid: transaction ([0-9a-f]{64})");
    private static final Pattern FAUCET = Pattern.compile("mined to the trial faucet, (bcrt1[a-z0-9]+);");

    @Inject
    TrialAdmin trialAdmin;
    @Inject
    DonationService donations;
    @Inject
    WalletService wallet;

    private final RegtestNode node = RegtestNode.shared();

    @Test
    void shouldShowTheTrialBannerOnEveryPageInBothLanguages() {
        for (String path : new String[] {"/", "/donate", "/login", "/transparency", "/signup"}) {
            WebClient visitor = new WebClient();
            assertTrue(visitor.get(path + "?lang=en").asString().contains("Trial mode: this is a test installation on Bitcoin regtest"), path);
            assertTrue(visitor.get(path + "?lang=ru").asString().contains("Пробный режим: это тестовая установка"), path);
        }
        WebClient admin = WebClient.admin();
        assertTrue(admin.get("/?lang=en").asString().contains("href=\"/admin/trial\""), "admins get a link to the console");
        assertTrue(admin.get("/admin").asString().contains("id=\"nav-trial\""));
        assertFalse(new WebClient().get("/?lang=en").asString().contains("href=\"/admin/trial\""), "visitors do not");
    }

    @Test
    void shouldCreateTheTrialAdminOnceAndLogItsPasswordOnlyThen() {
        String handle = "trial-admin-" + Long.toHexString(System.nanoTime());
        String password;
        try (Capture log = new Capture()) {
            password = trialAdmin.create(handle).orElseThrow();
            assertEquals(1, count(log.text(), password), "the password is logged once: " + log.text());
            assertTrue(log.text().contains(handle));
        }
        try (Capture log = new Capture()) {
            assertEquals(Optional.empty(), trialAdmin.create(handle), "a later start creates nothing");
            assertFalse(log.text().contains(password));
            assertFalse(log.text().contains("created the admin account"));
        }
        String hash = QuarkusTransaction.requiringNew().call(() -> Account.byHandle(handle).orElseThrow().passwordHash);
        assertFalse(hash.contains(password), "only a hash is stored");
        WebClient admin = new WebClient();
        assertEquals(303, admin.logIn(handle, password).statusCode());
        assertEquals(200, admin.get("/admin/trial").statusCode(), "the trial admin opens the console");
    }

    @Test
    void shouldPayADonationFromTheNodeAndConfirmItByMiningABlockFromTheConsole() {
        WebClient donor = new WebClient();
        donor.get("/donate");
        Response created = donor.post("/donate", "amount", "0.25", "message", "trial");
        assertEquals(303, created.statusCode(), created.asString());
        String location = created.header("Location");
        String id = location.substring(location.lastIndexOf('/') + 1);
        Matcher address = ADDRESS.matcher(donor.get(location).asString());
        assertTrue(address.find());

        WebClient admin = WebClient.admin();
        Matcher faucet = FAUCET.matcher(admin.get("/admin/trial?lang=en").asString());
        assertTrue(faucet.find(), "the node's height and the faucet are shown");
        assertEquals(400, admin.post("/admin/trial/pay", "address", address.group(1), "amount", "0.25").statusCode(),
                "an empty faucet pays nothing");
        node.sendToAddress(faucet.group(1), 100_000_000L);
        node.mine(1);
        Response paid = admin.post("/admin/trial/pay", "address", address.group(1), "amount", "0.25");
        assertEquals(200, paid.statusCode(), paid.asString());
        Matcher txid = PAID.matcher(paid.asString());
        assertTrue(txid.find(), paid.asString());
        RegtestNode.await("the payment in the node's mempool", Duration.ofSeconds(20), () -> node.mempool().contains(txid.group(1)));
        RegtestNode.await("donation seen", Duration.ofSeconds(40), () -> status(id) == DonationStatus.SEEN);

        int height = node.blockCount();
        Response mined = admin.post("/admin/trial/mine", "blocks", "1");
        assertEquals(200, mined.statusCode(), mined.asString());
        assertTrue(mined.asString().contains("the chain is now at height " + (height + 1)), mined.asString());
        RegtestNode.await("donation confirmed", Duration.ofSeconds(60), () -> status(id) == DonationStatus.CONFIRMED);
        assertEquals(25_000_000L, (long) QuarkusTransaction.requiringNew().call(() -> donations.find(id).orElseThrow().confirmedSats));
    }

    @Test
    void shouldRefuseWrongAmountsAndBlockCountsAndEveryoneButAdmins() {
        WebClient admin = WebClient.admin();
        admin.get("/admin/trial");
        String someAddress = QuarkusTransaction.requiringNew().call(wallet::freshReceiveAddress);
        for (String amount : new String[] {"11", "0", "-1", "abc", "0.000000001"}) {
            Response r = admin.post("/admin/trial/pay", "address", someAddress, "amount", amount);
            assertEquals(400, r.statusCode(), amount);
        }
        int height = node.blockCount();
        for (String blocks : new String[] {"0", "101", "x"}) {
            assertEquals(400, admin.post("/admin/trial/mine", "blocks", blocks).statusCode(), blocks);
        }
        assertEquals(height, node.blockCount(), "nothing mined");
        Response anonymous = new WebClient().get("/admin/trial");
        assertEquals(302, anonymous.statusCode());
        assertEquals("/login", java.net.URI.create(anonymous.header("Location")).getPath());
        WebClient operator = new WebClient();
        operator.signUp("trialop");
        assertEquals(403, operator.get("/admin/trial").statusCode());
    }

    @Test
    void shouldSetAndProveATrialPayoutAddressForAnOperatorInOneStep() {
        WebClient operator = new WebClient();
        operator.signUp("trialpay");
        String before = operator.get("/dashboard?lang=en").asString();
        assertTrue(before.contains("id=\"trial-payout-form\""), "trial mode offers a proven address");
        Response set = operator.post("/trial/payout-address");
        assertEquals(303, set.statusCode(), set.asString());
        String after = operator.get("/dashboard?lang=en").asString();
        assertTrue(after.contains("ownership proven"), after);
        assertTrue(Pattern.compile("id=\"payout-address\">bcrt1q[a-z0-9]+<").matcher(after).find(), after);
        assertFalse(after.contains("id=\"trial-payout-form\""), "nothing more to offer once proven");
        WebClient anonymous = new WebClient();
        anonymous.get("/donate");
        assertEquals(302, anonymous.post("/trial/payout-address").statusCode(), "visitors are sent to sign in");
    }

    private DonationStatus status(String id) {
        return QuarkusTransaction.requiringNew().call(() -> donations.find(id).orElseThrow().status);
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }

    /** Every log line written while open. */
    private static final class Capture extends Handler implements AutoCloseable {
        private final List<String> lines = new ArrayList<>();

        Capture() {
            Logger.getLogger("").addHandler(this);
        }

        @Override
        public synchronized void publish(LogRecord record) {
            Object[] params = record.getParameters();
            String message = record.getMessage();
            lines.add(params == null ? message : String.format(message, params));
        }

        synchronized String text() {
            return String.join("\n", lines);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
            Logger.getLogger("").removeHandler(this);
        }
    }
}
